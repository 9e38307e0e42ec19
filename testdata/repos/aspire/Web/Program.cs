using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddGrpcClientInstrumentation()
        .AddOtlpExporter());
builder.Services.AddHttpClient<CatalogClient>(client => client.BaseAddress = new("https+http://catalog"));
builder.Services.AddGrpcClient<Shop.CartService.CartServiceClient>(o => o.Address = new Uri("http://cart"));

var app = builder.Build();
app.MapGet("/", async (CatalogClient catalog) => await catalog.Items());
app.Run();

public class CatalogClient(HttpClient http)
{
    public Task<string[]?> Items() => http.GetFromJsonAsync<string[]>("/api/items");
}
