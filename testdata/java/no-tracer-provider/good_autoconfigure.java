// Autoconfigure builds the SDK from OTEL_* settings.
package shop;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

public class Checkout {
    public static void main(String[] args) {
        OpenTelemetry otel = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
        Tracer tracer = otel.getTracer("checkout");
        tracer.spanBuilder("startup").startSpan().end();
    }
}
