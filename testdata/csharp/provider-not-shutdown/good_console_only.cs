using OpenTelemetry;
using OpenTelemetry.Trace;

// The console exporter exports synchronously: nothing is buffered at exit.
var tracerProvider = Sdk.CreateTracerProviderBuilder()
    .AddHttpClientInstrumentation()
    .AddConsoleExporter()
    .Build();

var client = new HttpClient();
await client.GetStringAsync("http://inventory/stock");
