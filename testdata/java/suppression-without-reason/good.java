// A suppression that says why.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

public class Audits {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("audits");

    public void audit() {
        tracer.spanBuilder("audit").startSpan(); // tracewire: ignore[span-not-ended] ended by the audit pool
    }
}
