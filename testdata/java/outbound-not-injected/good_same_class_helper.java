// The request builder passes through a helper of the same class that injects the context.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class Catalog {
    private final HttpClient client = HttpClient.newHttpClient();

    @GetMapping("/products")
    public String products() throws Exception { // expect: inbound-not-extracted
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://pricing:8080/prices"));
        addContextToHttpRequest(builder);
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A job nested in the class calls the outer class's helper the same way. */
    class RefreshJob implements Runnable {
        private final HttpClient jobClient = HttpClient.newHttpClient();

        @Override
        public void run() {
            Span span = GlobalOpenTelemetry.getTracer("catalog").spanBuilder("refresh").startSpan();
            try (Scope scope = span.makeCurrent()) {
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://pricing:8080/refresh"));
                addContextToHttpRequest(builder);
                jobClient.send(builder.build(), HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                span.recordException(e);
            } finally {
                span.end();
            }
        }
    }

    private void addContextToHttpRequest(HttpRequest.Builder builder) {
        GlobalOpenTelemetry.getPropagators()
            .getTextMapPropagator()
            .inject(Context.current(), builder, HttpRequest.Builder::header);
    }
}
