// No clear majority, one-word names, default annotation names, server spans and computed names
// are not judged.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.instrumentation.annotations.WithSpan;

public class Orders {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("orders");

    public void work(int step) {
        tracer.spanBuilder("load_order").startSpan().end();
        tracer.spanBuilder("price_order").startSpan().end();
        tracer.spanBuilder("shipOrder").startSpan().end();
        tracer.spanBuilder("notifyCustomer").startSpan().end();
        tracer.spanBuilder("close_order").startSpan().end();
        tracer.spanBuilder("audit").startSpan().end();
        tracer.spanBuilder("step" + step).startSpan().end();
        tracer.spanBuilder("GET /orders").setSpanKind(SpanKind.SERVER).startSpan().end();
    }

    @WithSpan
    public void defaultName() {}
}
