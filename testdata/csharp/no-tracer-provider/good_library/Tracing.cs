using System.Diagnostics;
using OpenTelemetry.Trace;

// A library: the application that references it sets up the SDK.
public static class Tracing
{
    public static readonly ActivitySource Source = new("Shop.Telemetry");

    public static void Record(string name)
    {
        using var activity = Source.StartActivity(name);
    }
}
