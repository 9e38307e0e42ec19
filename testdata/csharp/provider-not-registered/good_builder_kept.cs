using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

public static class Program
{
    private static readonly ActivitySource Source = new("Shop.Worker");

    public static void Main()
    {
        var builder = Sdk.CreateTracerProviderBuilder()
            .AddSource("Shop.Worker")
            .AddHttpClientInstrumentation();
        builder.AddOtlpExporter();
        using var tracerProvider = builder.Build();
        using var activity = Source.StartActivity("work");
    }
}
