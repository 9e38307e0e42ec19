using System.Diagnostics;
using OpenTelemetry;

// A listener of its own records the activities: no SDK needed.
internal static class Program
{
    private static readonly ActivitySource Source = new("Examples.Listener");

    public static void Main()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var activity = Source.StartActivity("work");
    }
}
