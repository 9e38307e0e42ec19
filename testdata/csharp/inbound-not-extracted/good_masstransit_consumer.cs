using MassTransit;
using MassTransit.Logging;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
// Listening to MassTransit's source switches its propagation on.
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddSource(DiagnosticHeaders.DefaultListenerName)
        .AddOtlpExporter());
builder.Services.AddMassTransit(x => x.AddConsumer<OrderPlacedConsumer>());
builder.Build().Run();

public record OrderPlaced(string Id);

public class OrderPlacedConsumer : IConsumer<OrderPlaced>
{
    public Task Consume(ConsumeContext<OrderPlaced> context) => Task.CompletedTask;
}

// MediatR's look-alike handler is in-process: no entry point.
public class OrderPlacedAudit : INotificationHandler<OrderPlaced>
{
    public Task Handle(OrderPlaced notification, CancellationToken ct) => Task.CompletedTask;
}
