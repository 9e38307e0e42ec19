using MassTransit;
using MassTransit.Logging;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddSource(DiagnosticHeaders.DefaultListenerName)
        .AddOtlpExporter());
builder.Services.AddMassTransit(x => x.AddConsumer<ShipOrder>());
builder.Build().Run();

public interface IOrderPlaced
{
    string Id { get; }
}

public class ShipOrder : IConsumer<IOrderPlaced>
{
    public Task Consume(ConsumeContext<IOrderPlaced> context) => Task.CompletedTask;
}
