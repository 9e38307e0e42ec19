using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

public static class Program
{
    private static readonly ActivitySource Source = new("Shop.Worker");

    public static void Main()
    {
        using var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource("shop.worker")
            .AddOtlpExporter()
            .Build();
        using var activity = Source.StartActivity("work");
    }
}
