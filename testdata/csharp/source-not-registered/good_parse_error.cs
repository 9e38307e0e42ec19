using System.Diagnostics;
using OpenTelemetry.Trace;

// Part of this file does not parse: a registration inside the broken part may match anything,
// so nothing is reported.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry().WithTracing(t => t.AddSource("Shop.Api"));
var app = builder.Build();
app.Run();

static class Jobs
{
    private static readonly ActivitySource Source = new("Shop.Jobs");

    static void Register(TracerProviderBuilder t) { t.AddSource("Shop.Jobs" + )); }}} (((
}
