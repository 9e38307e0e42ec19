package demo.villains;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/api/villains")
public class VillainResource {
    @GET
    public String random() {
        return "villain";
    }
}
