// The starter instruments the RestClient.Builder and RestTemplateBuilder beans; RestClient.create()
// and new RestTemplate() bypass them and send no trace context.
package shop;

import io.opentelemetry.api.trace.Span;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

@RestController
public class Frontend {
    private final RestClient catalog = RestClient.create("http://catalog:8080"); // expect: outbound-not-injected
    private final RestTemplate ads = new RestTemplate(); // expect: outbound-not-injected

    @GetMapping("/home")
    public String home() {
        String products = catalog.get().uri("/products").retrieve().body(String.class);
        return products + ads.getForObject("http://ads:8080/ads", String.class);
    }
}
