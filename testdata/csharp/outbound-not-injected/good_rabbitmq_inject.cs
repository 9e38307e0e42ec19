using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Trace;
using RabbitMQ.Client;

[ApiController]
[Route("orders")]
public class OrdersController : ControllerBase
{
    private readonly IModel _channel;

    public OrdersController(IConnection connection)
    {
        _channel = connection.CreateModel();
    }

    [HttpPost]
    public IActionResult Place(string orderId)
    {
        var props = _channel.CreateBasicProperties();
        props.Headers = new Dictionary<string, object>();
        Propagators.DefaultTextMapPropagator.Inject(
            new PropagationContext(Activity.Current?.Context ?? default, Baggage.Current), props,
            (p, key, value) => p.Headers[key] = value);
        _channel.BasicPublish(exchange: "", routingKey: "orders", basicProperties: props, body: Encoding.UTF8.GetBytes(orderId));
        return Accepted();
    }
}
