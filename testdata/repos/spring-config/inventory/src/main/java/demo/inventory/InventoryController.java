package demo.inventory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class InventoryController {
    @GetMapping("/inventory/{sku}")
    public String stock(@PathVariable String sku) { // expect: inbound-not-extracted
        return sku;
    }

    @KafkaListener(topics = "${app.topic.orders}")
    public void onOrder(String sku) {
    }

    @KafkaListener(topics = "${app.topic.returns}")
    public void onReturn(String sku) {
    }
}
