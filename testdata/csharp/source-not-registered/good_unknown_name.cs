using System.Diagnostics;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(t => t.AddSource("Shop.Api").AddAspNetCoreInstrumentation());
var app = builder.Build();
app.MapGet("/", () => Handlers.Index());
app.Run();

static class Handlers
{
    // The assembly's name: cannot be known from the source.
    private static readonly ActivitySource Source = new(typeof(Handlers).Assembly.GetName().Name!);

    public static string Index()
    {
        using var a = Source.StartActivity("index");
        return "ok";
    }
}
