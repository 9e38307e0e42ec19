// Handlers that extract the caller's context by hand: a handler class and a servlet.
package shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.InetSocketAddress;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Quotes {
    public static void start() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
        server.createContext("/quote", new QuoteHandler());
        server.start();
    }

    static class QuoteHandler implements HttpHandler {
        @Override
        public void handle(HttpExchange exchange) {
            Context parent = GlobalOpenTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.current(), exchange, Getter.INSTANCE);
            try (Scope scope = parent.makeCurrent()) {
                exchange.getResponseBody();
            }
        }
    }

    static class PriceServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            Context parent = GlobalOpenTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.current(), req, Getter.SERVLET);
        }
    }
}
