// Internal span names are PascalCase, except two.
using System.Diagnostics;

public class Orders
{
    private const string Ship = "ShipOrder";
    private static readonly ActivitySource Source = new("Shop.Orders");

    public void Work()
    {
        using var a = Source.StartActivity("LoadOrder");
        using var b = Source.StartActivity("PriceOrder");
        using var c = Source.StartActivity(Ship);
        using var d = Source.StartActivity("NotifyCustomer");
        using var e = Source.StartActivity("CloseOrder");
        using var f = Source.StartActivity("charge_card"); // expect: span-name-style
        using var g = Source.StartActivity("audit-order"); // expect: span-name-style
    }
}
