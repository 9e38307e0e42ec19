using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddSource("Shop.Orders")
        .AddAspNetCoreInstrumentation()
        .AddOtlpExporter());
var app = builder.Build();
app.MapPost("/checkout", (Checkout c) => c.Run());
app.Run();
