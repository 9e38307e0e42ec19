// Names with bounded holes: the method, constants from another file, an enum value, a topic
// read once from configuration.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import javax.servlet.http.HttpServletRequest;

public class Orders {
    enum Status { PAID, SHIPPED }

    private static final String TOPIC = System.getenv("ORDERS_TOPIC");
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("orders");

    public void serve(HttpServletRequest request) {
        Span span = tracer.spanBuilder(request.getMethod() + " /orders/{id}").setSpanKind(SpanKind.SERVER).startSpan();
        span.end();
    }

    public void load() {
        Span span = tracer.spanBuilder(SpanNames.orderPath + ".db").startSpan();
        span.end();
    }

    public void step(Status status) {
        Span span = tracer.spanBuilder("order." + status.name()).startSpan();
        span.end();
    }

    public void publish(String topic) {
        Span span = tracer.spanBuilder("publish " + TOPIC).setSpanKind(SpanKind.PRODUCER).startSpan();
        span.end();
    }
}
