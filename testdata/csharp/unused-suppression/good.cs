// Suppressions that each cover a finding, with a reason.
using System.Diagnostics;

public class Audits
{
    private static readonly ActivitySource Source = new("Shop.Audits");

    public int Audit(int amount)
    {
        var activity = Source.StartActivity("audit"); // tracewire: ignore[span-not-ended] the caller stops audits
        if (amount <= 0)
        {
            return -1;
        }
        activity?.Stop();
        return amount;
    }
}
