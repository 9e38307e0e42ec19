using System.Diagnostics;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var app = builder.Build();
var source = new ActivitySource("Shop.Api");
app.MapGet("/", () =>
{
    using var activity = source.StartActivity("index");
    return "ok";
});
app.Run();
