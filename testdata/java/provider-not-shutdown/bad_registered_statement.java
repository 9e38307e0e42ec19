// A look-alike of a thrown-away snippet: the statement registers the SDK globally, so its
// spans are recorded, and nothing ever closes it.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;

public class Worker {
    public static void main(String[] args) {
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder() // expect: provider-not-shutdown
                    .addSpanProcessor(BatchSpanProcessor.builder(OtlpGrpcSpanExporter.getDefault()).build())
                    .build())
            .buildAndRegisterGlobal();
        GlobalOpenTelemetry.getTracer("worker").spanBuilder("run").startSpan().end();
    }
}
