// Span names built from values that vary per request.
using System;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;

public class Orders
{
    private static readonly ActivitySource Source = new("Shop.Orders");

    public void ByPath(HttpContext context)
    {
        using var activity = Source.StartActivity($"GET {context.Request.Path}", ActivityKind.Server); // expect: span-name-cardinality
    }

    public void ByOrder(string orderId)
    {
        using var activity = Source.StartActivity("load order " + orderId); // expect: span-name-cardinality
    }

    public void ByRun()
    {
        using var activity = Source.StartActivity(string.Format("run {0}", Guid.NewGuid())); // expect: span-name-cardinality
    }
}
