using MediatR;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddAspNetCoreInstrumentation()
        .AddOtlpExporter());

var app = builder.Build();
app.MapPost("/audit", async (IPublisher mediator) => await mediator.Publish(new OrderPlaced("42")));
app.Run();

public record OrderPlaced(string Id) : INotification;

public class AuditOrder : INotificationHandler<OrderPlaced>
{
    public Task Handle(OrderPlaced notification, CancellationToken ct) => Task.CompletedTask;
}
