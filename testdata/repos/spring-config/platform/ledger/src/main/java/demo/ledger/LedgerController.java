package demo.ledger;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class LedgerController {
    @GetMapping("/ledger/{sku}")
    public String entry(@PathVariable String sku) { // expect: inbound-not-extracted
        return sku;
    }
}
