// Spans made current, put in a context, or leaves with nothing below them.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.instrumentation.httpclient.JavaHttpClientTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
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
        Span span = tracer.spanBuilder("load-product").startSpan();
        try (Scope scope = span.makeCurrent()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://db:8080/" + id)).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get().body();
        } finally {
            span.end();
        }
    }

    public void refresh() {
        Span span = tracer.spanBuilder("refresh").startSpan();
        Context context = Context.current().with(span);
        try {
            Span child = tracer.spanBuilder("refresh-prices").setParent(context).startSpan();
            child.end();
        } finally {
            span.end();
        }
    }

    public void leaf() {
        Span span = tracer.spanBuilder("compute").startSpan();
        try {
            System.out.println("computing");
        } finally {
            span.end();
        }
        http.sendAsync(HttpRequest.newBuilder(URI.create("http://db:8080/")).build(),
            HttpResponse.BodyHandlers.discarding());
    }
}
