// Spans ended in finally, on every branch, handed to a caller, stored, or ended in a callback.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;

public class Payments {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("payments");
    private Span batch;

    public boolean charge(long amount) {
        Span span = tracer.spanBuilder("charge").startSpan();
        try (Scope scope = span.makeCurrent()) {
            if (amount <= 0) {
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    public boolean validate(long amount) {
        Span span = tracer.spanBuilder("validate").startSpan();
        if (amount <= 0) {
            span.end();
            return false;
        }
        span.setAttribute("amount", describe(amount));
        span.addEvent("validated");
        span.end();
        return true;
    }

    // Handed to the caller, which ends it.
    public Span begin(String name) {
        Span span = tracer.spanBuilder(name).startSpan();
        span.setAttribute("kind", "payment");
        return span;
    }

    // Stored and ended in close().
    public void open() {
        batch = tracer.spanBuilder("batch").startSpan();
    }

    public void close() {
        batch.end();
    }

    // Ended by the callback.
    public CompletableFuture<String> async(CompletableFuture<String> work) {
        Span span = tracer.spanBuilder("async").startSpan();
        return work.whenComplete((r, e) -> span.end());
    }

    private String describe(long amount) {
        return Long.toString(amount);
    }

    public void quick() {
        tracer.spanBuilder("quick").startSpan().end();
    }
}
