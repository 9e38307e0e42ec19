package demo.billing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class BillController {
    @GetMapping("/bill/{sku}")
    public String bill(@PathVariable String sku) {
        return sku;
    }
}
