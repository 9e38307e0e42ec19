// The incubator API extracts the parent with setParentFrom.
package shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.incubator.trace.ExtendedSpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import java.net.InetSocketAddress;

public final class Hello {
    private static OpenTelemetry openTelemetry;
    private static Tracer tracer;

    void start() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
        server.createContext("/", new HelloHandler());
        server.start();
    }

    private static class HelloHandler implements HttpHandler {
        @Override
        public void handle(HttpExchange exchange) {
            ((ExtendedSpanBuilder) tracer.spanBuilder("GET /"))
                .setParentFrom(openTelemetry.getPropagators(), Headers.of(exchange))
                .startAndRun(() -> answer(exchange));
        }
    }
}
