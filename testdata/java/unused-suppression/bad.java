// Suppressions that cover nothing, or name no rule tracewire has.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

public class Audits {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("audits");

    // Ended in finally: the suppression above it is stale.
    public void place() {
        // tracewire: ignore[span-not-ended] ended by the pool // expect: unused-suppression
        Span span = tracer.spanBuilder("place").startSpan();
        try {
            save();
        } finally {
            span.end();
        }
    }

    // Names a rule that does not exist.
    public void audit() {
        // tracewire: ignore[span-not-endd] typo // expect: unused-suppression
        tracer.spanBuilder("audit").startSpan(); // expect: span-not-ended
    }
}
