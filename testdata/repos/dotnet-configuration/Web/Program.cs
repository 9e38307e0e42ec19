using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddOtlpExporter());
builder.Services.AddHttpClient("catalog", c => c.BaseAddress = new Uri(builder.Configuration["Catalog:Url"]!));
builder.Services.AddHttpClient("reviews", c => c.BaseAddress = new Uri(builder.Configuration["Reviews:Url"]!));

var settings = new Dictionary<string, string> { ["Catalog:Url"] = "http://stock:8080" };
var app = builder.Build();
app.MapGet("/stock", async (IConfiguration config) =>
{
    var stock = new HttpClient { BaseAddress = new Uri(config.GetValue<string>("StockUrl")!) };
    var other = new HttpClient { BaseAddress = new Uri(settings["Catalog:Url"]) };
    return await stock.GetStringAsync("/levels");
});
app.Run();
