using OpenTelemetry;
using OpenTelemetry.Trace;

using var tracerProvider = Sdk.CreateTracerProviderBuilder()
    .AddHttpClientInstrumentation()
    .AddOtlpExporter()
    .Build();

var client = new HttpClient();
await client.GetStringAsync("http://inventory/stock");
