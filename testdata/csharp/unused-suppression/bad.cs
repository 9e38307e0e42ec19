// Suppressions that cover nothing, or name no rule tracewire has.
using System.Diagnostics;

public class Audits
{
    private static readonly ActivitySource Source = new("Shop.Audits");

    // Disposed by using: the suppression above it is stale.
    public void Place()
    {
        // tracewire: ignore[span-not-ended] ended by the pool // expect: unused-suppression
        using var activity = Source.StartActivity("place");
        Save();
    }

    // Names a rule that does not exist.
    public int Audit(int amount)
    {
        // tracewire: ignore[span-not-endd] typo // expect: unused-suppression
        var activity = Source.StartActivity("audit"); // expect: span-not-ended
        if (amount <= 0)
        {
            return -1;
        }
        activity?.Stop();
        return amount;
    }
}
