package demo.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

@RestController
public class GatewayController {
    private final RestTemplate restTemplate;
    private final WebClient.Builder webClientBuilder;
    private final String orderUrl;

    @Value("${audit.url:http://localhost:9000}")
    private String auditUrl;

    @Value("${pricing.base:http://pricing:8083}")
    private String pricingBase;

    @Value("${unknown.url}")
    private String unknownUrl;

    public GatewayController(RestTemplate restTemplate, WebClient.Builder webClientBuilder,
                             @Value("${order.service.url}") String orderUrl) {
        this.restTemplate = restTemplate;
        this.webClientBuilder = webClientBuilder;
        this.orderUrl = orderUrl;
    }

    @PostMapping("/buy/{sku}")
    public Object buy(@PathVariable String sku) {
        restTemplate.postForObject(auditUrl + "/audit", sku, String.class);
        restTemplate.postForObject(unknownUrl + "/unknown", sku, String.class);
        restTemplate.getForObject(pricingBase + "/price/" + sku, String.class);
        webClientBuilder.build().get().uri("lb://catalog-svc/items/{sku}", sku).retrieve();
        return restTemplate.postForEntity(orderUrl + "/orders/{sku}", null, Object.class, sku);
    }
}
