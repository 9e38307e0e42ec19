// Clients that send no trace context: a raw JDK HttpClient, a HttpURLConnection, a gRPC channel
// without the client interceptor.
package shop;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class Frontend {
    private final HttpClient client = HttpClient.newHttpClient(); // expect: outbound-not-injected
    private final ManagedChannel channel =
        ManagedChannelBuilder.forAddress("cart", 7070).usePlaintext().build(); // expect: outbound-not-injected

    @GetMapping("/home")
    public String home() throws Exception { // expect: inbound-not-extracted
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://catalog:8080/products")).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @GetMapping("/ads")
    public String ads() throws Exception {
        HttpURLConnection conn = (HttpURLConnection) new URL("http://ads:8080/ads").openConnection(); // expect: outbound-not-injected
        return conn.getResponseMessage();
    }
}
