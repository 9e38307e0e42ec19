package demo.catalog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CatalogController {
    @GetMapping("/items/{sku}")
    public String item(@PathVariable String sku) { // expect: inbound-not-extracted
        return sku;
    }
}
