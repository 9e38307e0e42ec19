using System.Diagnostics;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Trace;
using RabbitMQ.Client;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddAspNetCoreInstrumentation()
        .AddSource("Orders")
        .AddOtlpExporter());
var app = builder.Build();
var source = new ActivitySource("Orders");

app.MapPost("/orders", (IModel channel) =>
{
    using var activity = source.StartActivity("publish orders", ActivityKind.Producer);
    var props = channel.CreateBasicProperties();
    Propagators.DefaultTextMapPropagator.Inject(
        new PropagationContext(activity!.Context, Baggage.Current), props,
        (p, key, value) => p.Headers[key] = value);
    var body = Encoding.UTF8.GetBytes("order");
    channel.BasicPublish(exchange: "", routingKey: "orders", basicProperties: props, body: body);
    channel.BasicPublish("audit", "audit-log", props, body);
    return Results.Accepted();
});
app.Run();
