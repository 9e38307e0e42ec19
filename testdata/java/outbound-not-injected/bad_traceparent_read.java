// The handler reads a traceparent setting to log it, and sends its request without one.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class Catalog {
    private final HttpClient client = HttpClient.newHttpClient(); // expect: outbound-not-injected

    @GetMapping("/home")
    public String home() throws Exception { // expect: inbound-not-extracted
        System.out.println(System.getProperty("traceparent", "none"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://catalog:8080/products")).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
