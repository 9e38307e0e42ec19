// Autoconfigure defaults to tracecontext and baggage (or OTEL_PROPAGATORS).
package shop;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.net.InetSocketAddress;

public class Checkout {
    public static void main(String[] args) throws Exception {
        OpenTelemetry otel = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
        server.createContext("/checkout", exchange -> {
            Context parent = otel.getPropagators().getTextMapPropagator()
                .extract(Context.current(), exchange, null);
            exchange.sendResponseHeaders(200, 0);
        });
        server.start();
    }
}
