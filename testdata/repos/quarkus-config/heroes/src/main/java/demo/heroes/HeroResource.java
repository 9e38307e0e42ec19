package demo.heroes;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/api/heroes")
public class HeroResource {
    @GET
    @Path("/random")
    public String random() {
        return "hero";
    }
}
