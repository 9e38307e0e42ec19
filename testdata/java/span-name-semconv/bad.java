// Server, client and messaging spans whose names contradict the conventions.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.instrumentation.annotations.WithSpan;

public class Orders {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("orders");

    public void call() {
        tracer.spanBuilder("HTTP GET").setSpanKind(SpanKind.CLIENT).startSpan().end(); // expect: span-name-semconv
        tracer.spanBuilder("orders publish").setSpanKind(SpanKind.PRODUCER).startSpan().end(); // expect: span-name-semconv
    }

    @WithSpan(value = "/orders", kind = SpanKind.SERVER) // expect: span-name-semconv
    public void serve() {}
}
