// Span names built from values that vary per request.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;

public class Orders {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("orders");

    public void byPath(HttpServletRequest request) {
        Span span = tracer.spanBuilder("GET " + request.getRequestURI()).setSpanKind(SpanKind.SERVER).startSpan(); // expect: span-name-cardinality
        span.end();
    }

    public void byOrder(String orderId) {
        Span span = tracer.spanBuilder(String.format("load order %s", orderId)).startSpan(); // expect: span-name-cardinality
        span.end();
    }

    public void byRun() {
        Span span = tracer.spanBuilder("run-" + UUID.randomUUID()).startSpan(); // expect: span-name-cardinality
        span.end();
    }
}
