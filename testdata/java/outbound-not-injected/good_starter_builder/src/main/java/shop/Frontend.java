// Clients built from the starter's instrumented builder beans.
package shop;

import io.opentelemetry.api.trace.Span;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

@RestController
public class Frontend {
    private final RestClient catalog;
    private final RestTemplate ads;

    public Frontend(RestClient.Builder builder, RestTemplateBuilder templates) {
        this.catalog = builder.baseUrl("http://catalog:8080").build();
        this.ads = templates.build();
    }

    @GetMapping("/home")
    public String home() {
        String products = catalog.get().uri("/products").retrieve().body(String.class);
        return products + ads.getForObject("http://ads:8080/ads", String.class);
    }
}
