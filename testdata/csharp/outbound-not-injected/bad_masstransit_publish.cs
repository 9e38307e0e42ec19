using MassTransit;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
// MassTransit's source is not listened to: it starts no send activity and writes no context.
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddAspNetCoreInstrumentation()
        .AddOtlpExporter());
builder.Services.AddMassTransit(x => x.UsingRabbitMq());

var app = builder.Build();
app.MapPost("/orders", async (IPublishEndpoint publisher) =>
{
    await publisher.Publish(new OrderPlaced("42")); // expect: outbound-not-injected
    return Results.Accepted();
});
app.Run();

public record OrderPlaced(string Id);
