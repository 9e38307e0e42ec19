using OpenTelemetry;
using OpenTelemetry.Trace;

public static class Program
{
    public static async Task Main()
    {
        Sdk.CreateTracerProviderBuilder().AddHttpClientInstrumentation().AddOtlpExporter().Build(); // expect: provider-not-shutdown
        using var client = new HttpClient();
        await client.GetStringAsync("http://inventory/stock");
    }
}
