using OpenTelemetry.Metrics;

// Metrics only: the instrumentation added here records measurements, not spans.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithMetrics(metrics => metrics
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddOtlpExporter());
using var meterProvider = Sdk.CreateMeterProviderBuilder().AddHttpClientInstrumentation().Build();
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
