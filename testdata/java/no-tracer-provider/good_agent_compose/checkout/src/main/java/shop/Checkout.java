// The agent, switched on through JAVA_TOOL_OPTIONS in compose, provides the SDK.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.instrumentation.annotations.WithSpan;

public class Checkout {
    private static final Tracer tracer = GlobalOpenTelemetry.getTracer("checkout");

    public static void main(String[] args) {
        run();
    }

    @WithSpan
    static void run() {
    }
}
