using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

public static class Program
{
    private static readonly ActivitySource Source = new("Shop.Worker");

    public static void Main()
    {
        Sdk.CreateTracerProviderBuilder() // expect: provider-not-registered
            .AddSource("Shop.Worker")
            .AddHttpClientInstrumentation()
            .AddOtlpExporter();
        using var activity = Source.StartActivity("work");
    }
}
