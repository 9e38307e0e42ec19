using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.AspNetCore.Mvc;
using OpenTelemetry.Trace;

[ApiController]
[Route("checkout")]
public class CheckoutController : ControllerBase
{
    private readonly IProducer<string, string> _producer;

    public CheckoutController(ProducerConfig config)
    {
        _producer = new ProducerBuilder<string, string>(config).Build(); // expect: outbound-not-injected
    }

    [HttpPost]
    public async Task<IActionResult> PlaceOrder(string orderId)
    {
        await _producer.ProduceAsync("orders", new Message<string, string> { Key = orderId, Value = orderId });
        return Accepted();
    }
}
