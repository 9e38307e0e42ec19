// The request builder passes through a helper of the same class that only adds a header: no
// trace context is sent.
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

    @GetMapping("/products")
    public String products() throws Exception { // expect: inbound-not-extracted
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://pricing:8080/prices"));
        addAuth(builder);
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void addAuth(HttpRequest.Builder builder) {
        builder.header("Authorization", "Bearer " + System.getenv("TOKEN"));
        GlobalOpenTelemetry.getTracer("catalog");
    }
}
