package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Tracer;

public class Cart {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("cart");

    public void work() {
        tracer.spanBuilder("loadCart").startSpan().end(); // expect: span-name-style
        tracer.spanBuilder("price_cart").startSpan().end();
    }
}
