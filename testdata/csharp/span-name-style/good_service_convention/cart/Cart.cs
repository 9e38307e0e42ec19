using System.Diagnostics;

public class Cart
{
    private static readonly ActivitySource Source = new("Shop.Cart");

    public void Work()
    {
        using var a = Source.StartActivity("loadCart");
        using var b = Source.StartActivity("priceCart");
    }
}
