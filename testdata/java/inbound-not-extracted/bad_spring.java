// Spring controllers with no agent, no starter and no filter: every request starts a new trace.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/orders")
public class OrderController {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("orders");

    @GetMapping("/{id}")
    public String get(@PathVariable String id) { // expect: inbound-not-extracted
        return id;
    }

    @PostMapping
    public String create(@RequestBody String body) {
        return body;
    }
}
