// Conventional names, and spans without a kind.
using System.Diagnostics;

public class Orders
{
    private const string Receive = "receive orders";
    private static readonly ActivitySource Source = new("Shop.Orders");

    public void Work()
    {
        using var a = Source.StartActivity("GET /orders/{id}", ActivityKind.Server);
        using var b = Source.StartActivity("GET", ActivityKind.Client);
        using var c = Source.StartActivity(Receive, ActivityKind.Consumer);
        using var d = Source.StartActivity("/orders");
    }
}
