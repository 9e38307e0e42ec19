// A raw JDK HttpClient whose request carries a traceparent header written by hand.
package shop;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class Catalog {
    private final HttpClient client = HttpClient.newHttpClient();

    @GetMapping("/home")
    public String home() throws Exception { // expect: inbound-not-extracted
        SpanContext sc = Span.current().getSpanContext();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://catalog:8080/products"))
            .header("traceparent", "00-" + sc.getTraceId() + "-" + sc.getSpanId() + "-01")
            .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
