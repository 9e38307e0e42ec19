// Conventional names, and spans without a kind.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.instrumentation.annotations.WithSpan;

public class Orders {
    private static final String PUBLISH = "publish orders";
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("orders");

    public void call() {
        tracer.spanBuilder("GET").setSpanKind(SpanKind.CLIENT).startSpan().end();
        tracer.spanBuilder(PUBLISH).setSpanKind(SpanKind.PRODUCER).startSpan().end();
        tracer.spanBuilder("/orders").startSpan().end();
    }

    @WithSpan(value = "GET /orders/{id}", kind = SpanKind.SERVER)
    public void serve() {}
}
