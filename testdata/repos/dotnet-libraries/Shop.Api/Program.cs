using OpenTelemetry.Trace;
using Shop.Clients;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddAspNetCoreInstrumentation()
        .AddOtlpExporter());
builder.Services.AddCartClient();

var app = builder.Build();
app.MapGet("/checkout", () => "ok");
app.Run();
