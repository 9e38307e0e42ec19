using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.AspNetCore.Mvc;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

[ApiController]
[Route("orders")]
public class OrdersController : ControllerBase
{
    private static readonly ActivitySource Source = new("Shop.Orders");

    [HttpPost]
    public IActionResult Create()
    {
        Activity.Current = null; // expect: context-dropped
        using var activity = Source.StartActivity("create order");
        return Ok();
    }
}

public class OrderConsumer
{
    private static readonly ActivitySource Source = new("Shop.Orders");
    private static readonly TextMapPropagator Propagator = Propagators.DefaultTextMapPropagator;

    public void Handle(ConsumeResult<string, string> result)
    {
        using var activity = Source.StartActivity("process order", ActivityKind.Consumer); // expect: context-dropped
        var parent = Propagator.Extract(default, result.Message.Headers, ReadHeader);
        Baggage.Current = parent.Baggage;
        Console.WriteLine(result.Message.Value);
    }

    private static IEnumerable<string> ReadHeader(Headers headers, string key) => [];
}
