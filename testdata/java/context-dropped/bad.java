// Request handlers that start spans from a fresh root instead of the request's context.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class Orders {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("orders");

    @GetMapping("/orders")
    public String list() { // expect: inbound-not-extracted
        Span span = tracer.spanBuilder("load-orders").setParent(Context.root()).startSpan(); // expect: context-dropped
        try (Scope scope = span.makeCurrent()) {
            return "[]";
        } finally {
            span.end();
        }
    }

    @GetMapping("/audit")
    public String audit() {
        Span span = tracer.spanBuilder("audit").setNoParent().startSpan(); // expect: context-dropped
        span.end();
        try (Scope scope = Context.root().makeCurrent()) { // expect: context-dropped
            return "ok";
        }
    }
}
