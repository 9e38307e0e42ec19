// The SDK is registered and forgotten: nothing closes it, so the last batch is lost at exit.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;

public class Report {
    public static void main(String[] args) {
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder() // expect: provider-not-shutdown
            .addSpanProcessor(BatchSpanProcessor.builder(OtlpGrpcSpanExporter.getDefault()).build())
            .build();
        OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).buildAndRegisterGlobal();
        GlobalOpenTelemetry.getTracer("report").spanBuilder("run").startSpan().end();
    }
}
