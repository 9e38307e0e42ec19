using System.Diagnostics;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
var sources = builder.Configuration.GetSection("Tracing:Sources").Get<string[]>()!;
builder.Services.AddOpenTelemetry()
    .WithTracing(t => t.AddSource(sources).AddAspNetCoreInstrumentation());
var app = builder.Build();
app.MapGet("/", () => Handlers.Index());
app.Run();

static class Handlers
{
    private static readonly ActivitySource Source = new("Shop.Unlisted");

    public static string Index()
    {
        using var a = Source.StartActivity("index");
        return "ok";
    }
}
