using System.Diagnostics;
using System.Net;
using OpenTelemetry;
using OpenTelemetry.Trace;

using var tracerProvider = Sdk.CreateTracerProviderBuilder()
    .AddSource("Shop.Stock")
    .AddOtlpExporter()
    .Build();
var source = new ActivitySource("Shop.Stock");
var listener = new HttpListener(); // expect: inbound-not-extracted
listener.Prefixes.Add("http://+:8080/");
listener.Start();
while (true)
{
    var context = await listener.GetContextAsync();
    using var activity = source.StartActivity("GET /stock", ActivityKind.Server);
    context.Response.StatusCode = 200;
    context.Response.Close();
}
