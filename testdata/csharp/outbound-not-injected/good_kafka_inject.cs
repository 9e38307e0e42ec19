using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Microsoft.AspNetCore.Mvc;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Trace;

[ApiController]
[Route("checkout")]
public class CheckoutController : ControllerBase
{
    private static readonly TextMapPropagator Propagator = Propagators.DefaultTextMapPropagator;
    private readonly IProducer<string, string> _producer;

    public CheckoutController(ProducerConfig config)
    {
        _producer = new ProducerBuilder<string, string>(config).Build();
    }

    [HttpPost]
    public async Task<IActionResult> PlaceOrder(string orderId)
    {
        var message = new Message<string, string> { Key = orderId, Value = orderId, Headers = [] };
        Propagator.Inject(new PropagationContext(Activity.Current?.Context ?? default, Baggage.Current),
            message.Headers, (h, k, v) => h.Add(k, Encoding.UTF8.GetBytes(v)));
        await _producer.ProduceAsync("orders", message);
        return Accepted();
    }
}
