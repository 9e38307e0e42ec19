// Started by the root Makefile with the agent: Spring MVC and RestTemplate are instrumented.
package shop;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

@RestController
public class Frontend {
    private final RestTemplate catalog = new RestTemplate();

    @GetMapping("/home")
    public String home() {
        return catalog.getForObject("http://catalog:8080/products", String.class);
    }

    @WithSpan
    public String render(String products) {
        return products;
    }
}
