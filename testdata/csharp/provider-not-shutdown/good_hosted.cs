using OpenTelemetry.Trace;

// The host builds the provider and disposes it on shutdown.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter());
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
