using MassTransit;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddAspNetCoreInstrumentation()
        .AddSource("MassTransit")
        .AddOtlpExporter());
builder.Services.AddMassTransit(x => x.UsingRabbitMq());

var app = builder.Build();
app.MapPost("/orders", async (IPublishEndpoint publisher, IMediator mediator) =>
{
    await publisher.Publish<OrderPlaced>(new { Id = "42" });
    // MediatR's Send stays in the process.
    await mediator.Send(new PlaceOrder("42"));
    return Results.Accepted();
});
app.Run();

public record OrderPlaced(string Id);
public record PlaceOrder(string Id);
