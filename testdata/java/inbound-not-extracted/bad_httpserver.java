// A JDK HTTP server whose handler never extracts the caller's context.
package shop;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.net.InetSocketAddress;

public class Quotes {
    public static void start() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
        server.createContext("/quote", exchange -> { // expect: inbound-not-extracted
            Span span = GlobalOpenTelemetry.getTracer("quotes").spanBuilder("quote").startSpan();
            try {
                exchange.sendResponseHeaders(200, 0);
            } finally {
                span.end();
            }
        });
        server.createContext("/healthz", exchange -> exchange.sendResponseHeaders(200, 0));
        server.start();
    }
}
