using System.Diagnostics;
using OpenTelemetry.Trace;

public class Checkout
{
    private static readonly ActivitySource Source = new("Shop.Checkout");
    private Activity? _current;

    public int Pay(int amount)
    {
        using var activity = Source.StartActivity("pay");
        if (amount <= 0)
        {
            return -1;
        }
        return amount;
    }

    public void Ship()
    {
        using (var activity = Source.StartActivity("ship"))
        {
            activity?.SetTag("carrier", "post");
        }
        using (Source.StartActivity("label"))
        {
            Console.WriteLine("label");
        }
    }

    public int Refund(int amount)
    {
        var activity = Source.StartActivity("refund");
        try
        {
            if (amount <= 0)
            {
                return -1;
            }
            return amount;
        }
        finally
        {
            activity?.Dispose();
        }
    }

    public int Stopped(int amount)
    {
        var activity = Source.StartActivity("stopped");
        if (amount <= 0)
        {
            activity?.Stop();
            return -1;
        }
        if (amount > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(amount));
        }
        activity?.Stop();
        return amount;
    }

    // Handed off: the caller owns the end.
    public Activity? Begin() => Source.StartActivity("begin");

    public Activity? BeginNamed()
    {
        var activity = Source.StartActivity("begin-named");
        return activity;
    }

    public void Store()
    {
        _current = Source.StartActivity("stored");
    }

    public void Pass()
    {
        var activity = Source.StartActivity("passed");
        Track(activity);
    }

    private static void Track(Activity? activity) => activity?.Dispose();
}
