using System.Diagnostics;
using OpenTelemetry.Trace;

public class Checkout
{
    private static readonly ActivitySource Source = new("Shop.Checkout");

    public int Pay(int amount)
    {
        var activity = Source.StartActivity("pay"); // expect: span-not-ended
        if (amount <= 0)
        {
            return -1;
        }
        activity?.Stop();
        return amount;
    }

    public void Audit()
    {
        Source.StartActivity("audit"); // expect: span-not-ended
        Console.WriteLine("audited");
    }

    public void Refund(int amount)
    {
        var activity = Source.StartActivity("refund"); // expect: span-not-ended
        activity?.SetTag("amount", amount);
        Console.WriteLine("refunded");
    }
}
