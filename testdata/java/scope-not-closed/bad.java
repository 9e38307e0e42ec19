// Scopes that are never closed, or not on every path.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

public class Inventory {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("inventory");

    public int reserve(int count) {
        Span span = tracer.spanBuilder("reserve").startSpan();
        try {
            Scope scope = span.makeCurrent(); // expect: scope-not-closed
            if (count <= 0) {
                return 0;
            }
            scope.close();
            return count;
        } finally {
            span.end();
        }
    }

    public void release() {
        Span span = tracer.spanBuilder("release").startSpan();
        try {
            span.makeCurrent(); // expect: scope-not-closed
        } finally {
            span.end();
        }
    }
}
