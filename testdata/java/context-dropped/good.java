// Fresh roots where they are deliberate: start-up, extraction onto the root, a new trace linked
// to the consumer's message.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class Orders {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("orders");

    void warmUp() {
        tracer.spanBuilder("warm-up").setParent(Context.root()).startSpan().end();
    }

    @GetMapping("/orders")
    public String list() { // expect: inbound-not-extracted
        Span span = tracer.spanBuilder("load-orders").startSpan();
        span.end();
        return "[]";
    }

    @KafkaListener(topics = "orders")
    public void consume(ConsumerRecord<String, String> record) {
        Context remote = GlobalOpenTelemetry.getPropagators().getTextMapPropagator()
            .extract(Context.root(), record, Getter.INSTANCE);
        SpanContext link = Span.fromContext(remote).getSpanContext();
        tracer.spanBuilder("process orders").setNoParent().addLink(link).startSpan().end();
    }
}
