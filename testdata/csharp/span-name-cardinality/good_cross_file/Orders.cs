// Names with bounded holes: the method, a constant from another file, an enum value, a topic
// read once from configuration.
using System;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;

public enum Status { Paid, Shipped }

public class Orders
{
    private static readonly ActivitySource Source = new("Shop.Orders");
    private static readonly string Topic = Environment.GetEnvironmentVariable("ORDERS_TOPIC");

    public void Serve(HttpContext context)
    {
        using var activity = Source.StartActivity($"{context.Request.Method} /orders/{{id}}", ActivityKind.Server);
    }

    public void Load()
    {
        using var activity = Source.StartActivity($"{SpanNames.LoadPath}.db");
    }

    public void Step(Status status)
    {
        using var activity = Source.StartActivity("order." + status);
    }

    public void Publish()
    {
        using var activity = Source.StartActivity("publish " + Topic, ActivityKind.Producer);
    }

    public void Defaulted()
    {
        using var activity = Source.StartActivity(ActivityKind.Internal);
    }
}
