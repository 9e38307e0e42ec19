using System.Diagnostics;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddSource("Shop.Checkout")
        .AddAspNetCoreInstrumentation()
        .AddOtlpExporter());

var app = builder.Build();

app.MapPost("/charge", (ChargeRequest request) =>
{
    using var activity = Payments.Source.StartActivity("charge-card");
    activity?.SetTag("payment.amount", request.Amount);
    return Results.Ok();
});

app.Run();

record ChargeRequest(decimal Amount);

static class Payments
{
    // Mistake: no AddSource names "Shop.Payment", so every span from this source is dropped.
    public static readonly ActivitySource Source = new("Shop.Payment");
}
