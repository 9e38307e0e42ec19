// Scopes in try-with-resources, closed in finally, or handed to the caller.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

public class Inventory {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("inventory");

    public int reserve(int count) {
        Span span = tracer.spanBuilder("reserve").startSpan();
        try (Scope scope = span.makeCurrent()) {
            if (count <= 0) {
                return 0;
            }
            return count;
        } finally {
            span.end();
        }
    }

    public void release(Context parent) {
        Scope scope = parent.makeCurrent();
        try {
            System.out.println("releasing");
        } finally {
            scope.close();
        }
    }

    public Scope enter(Span span) {
        return span.makeCurrent();
    }
}
