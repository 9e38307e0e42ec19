// A suppression that does not say why.
using System.Diagnostics;

public class Audits
{
    private static readonly ActivitySource Source = new("Shop.Audits");

    public int Audit(int amount)
    {
        var activity = Source.StartActivity("audit"); // tracewire: ignore[span-not-ended] // expect: suppression-without-reason
        if (amount <= 0)
        {
            return -1;
        }
        activity?.Stop();
        return amount;
    }
}
