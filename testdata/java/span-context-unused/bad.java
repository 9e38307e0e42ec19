// Spans started but never made current: the calls below them attach to the previous span.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.instrumentation.httpclient.JavaHttpClientTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class Catalog {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("catalog");
    private final HttpClient http = JavaHttpClientTelemetry.builder(GlobalOpenTelemetry.get())
        .build()
        .newHttpClient(HttpClient.newHttpClient());

    public String load(String id) throws Exception {
        Span span = tracer.spanBuilder("load-product").startSpan(); // expect: span-context-unused
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://db:8080/" + id)).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get().body();
        } finally {
            span.end();
        }
    }

    public void refresh() {
        Span span = tracer.spanBuilder("refresh").startSpan(); // expect: span-context-unused
        try {
            Span child = tracer.spanBuilder("refresh-prices").startSpan();
            child.end();
        } finally {
            span.end();
        }
    }
}
