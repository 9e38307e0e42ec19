// The agent, switched on by JAVA_TOOL_OPTIONS in compose, instruments Spring MVC.
package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/orders")
public class OrderController {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("orders");

    @GetMapping("/{id}")
    public String get(@PathVariable String id) {
        return id;
    }

    @PostMapping
    public String create(@RequestBody String body) {
        return body;
    }
}
