// Snippets that show builder options: each provider is built and thrown away, so it records
// nothing and has nothing to flush.
package shop;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

public class BatchExporter {
    public static void create(Resource resource, SpanExporter spanExporter) {
        SdkTracerProvider sdkTracerProvider =
            SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(spanExporter).build())
                .setResource(resource)
                .build();
    }

    public static void composite(SpanExporter spanExporter) {
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(BatchSpanProcessor.builder(spanExporter).build())
                    .build())
            .build();
    }
}

class SnippetsMain {
    public static void main(String[] args) {
        BatchExporter.create(null, null);
        BatchExporter.composite(null);
    }
}
