// Spans from the global tracer, but nothing sets up an SDK: every span is a no-op.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

public class Checkout {
    private static final Tracer tracer = GlobalOpenTelemetry.getTracer("checkout"); // expect: no-tracer-provider

    public static void main(String[] args) {
        Span span = tracer.spanBuilder("startup").startSpan();
        try {
            System.out.println("started");
        } finally {
            span.end();
        }
    }
}
