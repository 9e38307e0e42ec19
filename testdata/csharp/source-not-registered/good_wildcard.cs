using System.Diagnostics;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(t => t.AddSource("Shop.*").AddAspNetCoreInstrumentation());
var app = builder.Build();
app.MapGet("/", () => Handlers.Index());
app.Run();

static class Handlers
{
    private static readonly ActivitySource Orders = new ActivitySource("Shop.Orders");
    private static readonly ActivitySource Billing = new("Shop.Billing.Invoices");

    public static string Index()
    {
        using var a = Orders.StartActivity("index");
        using var b = Billing.StartActivity("invoice");
        return "ok";
    }
}
