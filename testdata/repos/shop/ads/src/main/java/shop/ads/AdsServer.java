package shop.ads;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Serves ads for the storefront. */
public class AdsServer {
    private static final TextMapGetter<HttpExchange> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpExchange exchange) {
            return exchange.getRequestHeaders().keySet();
        }

        @Override
        public String get(HttpExchange exchange, String key) {
            List<String> values = exchange.getRequestHeaders().get(key);
            return values == null ? null : values.get(0);
        }
    };

    public static void main(String[] args) throws Exception {
        // Mistake: a hand-built SDK without setPropagators propagates nothing.
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(OtlpGrpcSpanExporter.getDefault()).build())
                .build())
            .buildAndRegisterGlobal();
        Runtime.getRuntime().addShutdownHook(new Thread(sdk::close));
        Tracer tracer = sdk.getTracer("shop.ads");

        HttpServer server = HttpServer.create(new InetSocketAddress(8082), 0);
        server.createContext("/ads", exchange -> {
            Context parent = sdk.getPropagators().getTextMapPropagator()
                .extract(Context.current(), exchange, GETTER);
            Span span = tracer.spanBuilder("GET /ads").setParent(parent).startSpan();
            try {
                exchange.sendResponseHeaders(200, 0);
                exchange.close();
            } finally {
                span.end();
            }
        });
        server.start();

        // Placed orders tune which ads are shown.
        Properties props = new Properties();
        props.put("bootstrap.servers", "kafka:9092");
        props.put("group.id", "ads");
        KafkaConsumer<String, String> orders = new KafkaConsumer<>(props);
        orders.subscribe(List.of("orders"));
        while (true) {
            orders.poll(Duration.ofSeconds(1)).forEach(record -> System.out.println(record.value()));
        }
    }
}
