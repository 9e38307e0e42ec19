// The incubator API injects through getTextMapPropagationContext; map puts and executor calls
// are not requests.
package shop;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.incubator.propagation.ExtendedContextPropagators;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

public final class Client {
    private static OpenTelemetry openTelemetry;
    private static Tracer tracer;
    private final Map<String, String> cache = new HashMap<>();
    private ExecutorService executor;

    void makeRequest() throws Exception {
        HttpURLConnection con = (HttpURLConnection) new URL("http://127.0.0.1:8080").openConnection();
        Span span = tracer.spanBuilder("GET").startSpan();
        try (Scope scope = span.makeCurrent()) {
            ExtendedContextPropagators.getTextMapPropagationContext(openTelemetry.getPropagators())
                .forEach(con::setRequestProperty);
            cache.put("last", "http://127.0.0.1:8080");
            executor.execute(() -> cache.remove("last"));
            con.getResponseCode();
        } finally {
            span.end();
        }
    }
}
