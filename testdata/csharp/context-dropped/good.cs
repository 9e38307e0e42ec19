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
        using var activity = Source.StartActivity("create order");
        return Ok();
    }

    [HttpPost("batch")]
    public IActionResult Batch()
    {
        // A deliberate new trace, linked to the request's.
        var previous = Activity.Current;
        Activity.Current = null;
        using var activity = Source.StartActivity("batch", ActivityKind.Internal, default(ActivityContext), links: [new ActivityLink(previous!.Context)]);
        return Ok();
    }
}

public class Cleanup
{
    private static readonly ActivitySource Source = new("Shop.Orders");

    // Not request code: a fresh trace per run is intended.
    public void Run()
    {
        Activity.Current = null;
        using var activity = Source.StartActivity("cleanup");
    }
}

public class OrderConsumer
{
    private static readonly ActivitySource Source = new("Shop.Orders");
    private static readonly TextMapPropagator Propagator = Propagators.DefaultTextMapPropagator;

    public void Handle(ConsumeResult<string, string> result)
    {
        var parent = Propagator.Extract(default, result.Message.Headers, ReadHeader);
        Baggage.Current = parent.Baggage;
        using var activity = Source.StartActivity("process order", ActivityKind.Consumer, parent.ActivityContext);
        Console.WriteLine(result.Message.Value);
    }

    private static IEnumerable<string> ReadHeader(Headers headers, string key) => [];
}
