using MassTransit;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
// MassTransit's source is not listened to: it starts no consume activity and reads no context.
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddSource("Shop.Shipping")
        .AddOtlpExporter());
builder.Services.AddMassTransit(x => x.AddConsumer<OrderPlacedConsumer>());
builder.Build().Run();

public record OrderPlaced(string Id);

public class OrderPlacedConsumer : IConsumer<OrderPlaced> // expect: inbound-not-extracted
{
    public Task Consume(ConsumeContext<OrderPlaced> context) => Task.CompletedTask;
}
