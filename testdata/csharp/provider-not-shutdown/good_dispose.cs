using OpenTelemetry;
using OpenTelemetry.Trace;

public static class Program
{
    public static async Task Main()
    {
        var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddHttpClientInstrumentation()
            .AddOtlpExporter()
            .Build();
        try
        {
            using var client = new HttpClient();
            await client.GetStringAsync("http://inventory/stock");
        }
        finally
        {
            tracerProvider?.Dispose();
        }
    }
}
