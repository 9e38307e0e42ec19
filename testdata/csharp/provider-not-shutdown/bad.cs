using OpenTelemetry;
using OpenTelemetry.Trace;

var tracerProvider = Sdk.CreateTracerProviderBuilder() // expect: provider-not-shutdown
    .AddSource("Shop.Worker")
    .AddHttpClientInstrumentation()
    .AddOtlpExporter()
    .Build();

var client = new HttpClient();
await client.GetStringAsync("http://inventory/stock");
