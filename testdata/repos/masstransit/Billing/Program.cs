using MassTransit;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddSource("Shop.Billing")
        .AddOtlpExporter());
builder.Services.AddMassTransit(x =>
{
    x.AddConsumer<BillOrder>();
    x.UsingRabbitMq((context, cfg) =>
    {
        // Publish topology: the exchange OrderPlaced goes to. Nothing is sent here.
        cfg.Publish<OrderPlaced>(e =>
        {
            e.Durable = true;
        });
        cfg.ConfigureEndpoints(context);
    });
});
builder.Build().Run();

public record OrderPlaced(string Id);

public class BillOrder : IConsumer<OrderPlaced> // expect: inbound-not-extracted
{
    public Task Consume(ConsumeContext<OrderPlaced> context) => Task.CompletedTask;
}
