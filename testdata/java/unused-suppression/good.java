// Suppressions that each cover a finding, with a reason.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

public class Audits {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("audits");

    public void audit() {
        // tracewire: ignore[span-not-ended] the pool ends audit spans
        tracer.spanBuilder("audit").startSpan();
        tracer.spanBuilder("audit2").startSpan(); // tracewire: ignore[span-not-ended] same line works too
    }
}
