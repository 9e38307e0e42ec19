// Spans that are not ended on every path.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

public class Payments {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("payments");

    // Leaks on the early return.
    public boolean charge(long amount) {
        Span span = tracer.spanBuilder("charge").startSpan(); // expect: span-not-ended
        if (amount <= 0) {
            return false;
        }
        span.end();
        return true;
    }

    // Ended only on the normal path: an exception from the gateway leaks it.
    public void refund(Gateway gateway, long amount) {
        Span span = tracer.spanBuilder("refund").startSpan(); // expect: span-not-ended
        gateway.refund(amount);
        span.end();
    }

    // Thrown away: nothing can end it.
    public void audit() {
        tracer.spanBuilder("audit").startSpan(); // expect: span-not-ended
    }

    // Made current but never ended.
    public void settle() {
        try (Scope scope = tracer.spanBuilder("settle").startSpan().makeCurrent()) { // expect: span-not-ended
            System.out.println("settling");
        }
    }

    // Rethrown from the catch without ending it.
    public void capture(Gateway gateway) throws Exception {
        Span span = tracer.spanBuilder("capture").startSpan(); // expect: span-not-ended
        try {
            gateway.capture();
        } catch (Exception e) {
            span.recordException(e);
            throw e;
        }
        span.end();
    }

    interface Gateway {
        void refund(long amount);

        void capture() throws Exception;
    }
}
