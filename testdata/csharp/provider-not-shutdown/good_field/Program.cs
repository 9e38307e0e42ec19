using OpenTelemetry;
using OpenTelemetry.Trace;

public sealed class Telemetry : IDisposable
{
    private readonly TracerProvider? _provider;

    public Telemetry()
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddHttpClientInstrumentation()
            .AddOtlpExporter()
            .Build();
    }

    public void Dispose() => _provider?.Dispose();
}

public static class Program
{
    public static TracerProvider? Build() =>
        Sdk.CreateTracerProviderBuilder().AddOtlpExporter().Build();

    public static void Main()
    {
        using var telemetry = new Telemetry();
        using var provider = Build();
    }
}
