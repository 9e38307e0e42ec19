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
app.MapPost("/orders", async (IPublishEndpoint publisher) =>
{
    await publisher.Publish(new OrderPlaced("42"));
    return Results.Accepted();
});
app.Run();

public record OrderPlaced(string Id) : IOrderPlaced;

public interface IOrderPlaced
{
    string Id { get; }
}

public class Forwarder(ISendEndpointProvider endpoints)
{
    public async Task Forward<T>(T message, string queue) where T : class
    {
        var endpoint = await endpoints.GetSendEndpoint(new Uri($"queue:{queue}"));
        await endpoint.Send<T>(message);
    }
}
