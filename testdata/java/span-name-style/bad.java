// Internal span names are snake_case, except two.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.instrumentation.annotations.WithSpan;

public class Orders {
    private static final String SHIP = "ship_order";
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("orders");

    public void work() {
        tracer.spanBuilder("load_order").startSpan().end();
        tracer.spanBuilder("price_order").startSpan().end();
        tracer.spanBuilder(SHIP).startSpan().end();
        tracer.spanBuilder("notify_customer").startSpan().end();
        tracer.spanBuilder("close_order").startSpan().end();
        tracer.spanBuilder("chargeCard").startSpan().end(); // expect: span-name-style
    }

    @WithSpan("audit-order") // expect: span-name-style
    public void audit() {}
}
