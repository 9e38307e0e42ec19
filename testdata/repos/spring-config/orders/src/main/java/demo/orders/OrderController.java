package demo.orders;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

@RestController
public class OrderController {
    private static final String TOPIC = "orders";
    private final RestTemplate restTemplate = new RestTemplate();
    private final KafkaTemplate<String, String> kafkaTemplate;

    @Value("${inventory.url}")
    private String inventoryUrl;

    @Value("${pricing.url}")
    private String pricingUrl;

    public OrderController(KafkaTemplate<String, String> kafkaTemplate) {
        this.kafkaTemplate = kafkaTemplate;
    }

    @PostMapping("/orders/{sku}")
    public Object order(@PathVariable String sku) {
        String url = inventoryUrl + "/inventory/" + sku;
        restTemplate.getForObject(url, String.class);
        restTemplate.getForObject(pricingUrl + "/price/" + sku, String.class);
        kafkaTemplate.send(TOPIC, sku);
        restTemplate.getForObject("http://billing:8090/bill/" + sku, String.class);
        restTemplate.getForObject("http://ledger:8091/ledger/" + sku, String.class);
        return sku;
    }
}
