// Server, client and messaging spans whose names contradict the conventions.
using System.Diagnostics;

public class Orders
{
    private static readonly ActivitySource Source = new("Shop.Orders");

    public void Work()
    {
        using var a = Source.StartActivity("/orders", ActivityKind.Server); // expect: span-name-semconv
        using var b = Source.StartActivity("HTTP GET", ActivityKind.Client); // expect: span-name-semconv
        using var c = Source.StartActivity(name: "orders receive", kind: ActivityKind.Consumer); // expect: span-name-semconv
    }
}
