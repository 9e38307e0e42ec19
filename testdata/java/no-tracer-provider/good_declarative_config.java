// Declarative configuration builds the SDK from a YAML file.
package shop;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.DeclarativeConfiguration;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;

public final class Application {
    public static void main(String[] args) throws Exception {
        InputStream is = Files.newInputStream(Paths.get(System.getenv("OTEL_EXPERIMENTAL_CONFIG_FILE")));
        OpenTelemetrySdk sdk = DeclarativeConfiguration.parseAndCreate(is).getSdk();
        Tracer tracer = sdk.getTracer("example");
        Span span = tracer.spanBuilder("run").startSpan();
        span.end();
        sdk.shutdown();
    }
}
