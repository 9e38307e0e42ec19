using System.Diagnostics;

public class Checkout
{
    private static readonly ActivitySource Source = new("Shop.Checkout"); // expect: source-not-registered
    private static readonly ActivitySource Orders = new("Shop.Orders");

    public string Run()
    {
        using var activity = Source.StartActivity("checkout");
        using var order = Orders.StartActivity("order");
        return "ok";
    }
}
