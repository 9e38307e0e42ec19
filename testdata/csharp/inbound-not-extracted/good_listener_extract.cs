using System.Diagnostics;
using System.Net;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Trace;

using var tracerProvider = Sdk.CreateTracerProviderBuilder()
    .AddSource("Shop.Stock")
    .AddOtlpExporter()
    .Build();
var source = new ActivitySource("Shop.Stock");
var listener = new HttpListener();
listener.Prefixes.Add("http://+:8080/");
listener.Start();
while (true)
{
    var context = await listener.GetContextAsync();
    var parent = Propagators.DefaultTextMapPropagator.Extract(default, context.Request.Headers,
        (headers, key) => headers.GetValues(key) ?? []);
    using var activity = source.StartActivity("GET /stock", ActivityKind.Server, parent.ActivityContext);
    context.Response.StatusCode = 200;
    context.Response.Close();
}
