// The agent (in the Dockerfile) instruments every client, static factories included.

package shop;

import io.opentelemetry.api.trace.Span;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

@RestController
public class Frontend {
    private final RestClient catalog = RestClient.create("http://catalog:8080");
    private final RestTemplate ads = new RestTemplate();

    @GetMapping("/home")
    public String home() {
        String products = catalog.get().uri("/products").retrieve().body(String.class);
        return products + ads.getForObject("http://ads:8080/ads", String.class);
    }
}
