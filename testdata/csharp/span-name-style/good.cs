// No clear majority, one-word names, default names, server spans and computed names are not
// judged.
using System.Diagnostics;

public class Orders
{
    private static readonly ActivitySource Source = new("Shop.Orders");

    public void Work(int step)
    {
        using var a = Source.StartActivity("LoadOrder");
        using var b = Source.StartActivity("PriceOrder");
        using var c = Source.StartActivity("ship_order");
        using var d = Source.StartActivity("notify_customer");
        using var e = Source.StartActivity("CloseOrder");
        using var f = Source.StartActivity("audit");
        using var g = Source.StartActivity($"Step{step}");
        using var h = Source.StartActivity("GET /orders", ActivityKind.Server);
        using var i = Source.StartActivity();
    }
}
