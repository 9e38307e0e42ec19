package demo.fights;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@Path("/api/heroes")
@RegisterRestClient(configKey = "hero-client")
public interface HeroClient {
    @GET
    @Path("/random")
    String randomHero();
}
