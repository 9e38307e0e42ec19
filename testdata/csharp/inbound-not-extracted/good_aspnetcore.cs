using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OpenTelemetry.Trace;

// ASP.NET Core hosting continues the caller's W3C trace by itself, even without
// AddAspNetCoreInstrumentation.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry().WithTracing(t => t.AddSource("Shop.Api").AddOtlpExporter());
builder.Services.AddControllers();
builder.Services.AddGrpc();
var app = builder.Build();
app.MapGet("/orders/{id}", (int id) => Results.Ok(id));
app.MapPost("/orders", (HttpContext ctx) => Results.Created());
app.MapControllers();
app.MapGrpcService<CartService>();
app.Run();

[ApiController]
[Route("api/[controller]")]
public class StockController : ControllerBase
{
    [HttpGet("{sku}")]
    public IActionResult Get(string sku) => Ok(sku);
}

public class CartService { }
