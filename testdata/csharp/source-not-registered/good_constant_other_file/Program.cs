using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(t => t
        .AddSource(Telemetry.ServiceName)
        .AddSource(Telemetry.Jobs.Name)
        .AddAspNetCoreInstrumentation());
var app = builder.Build();
app.MapGet("/", () =>
{
    using var activity = Telemetry.Source.StartActivity("index");
    return "ok";
});
app.Run();
