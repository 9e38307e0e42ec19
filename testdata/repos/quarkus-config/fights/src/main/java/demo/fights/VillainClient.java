package demo.fights;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@Path("/api/villains")
@RegisterRestClient(configKey = "villain-client")
public interface VillainClient {
    @GET
    String randomVillain();
}
