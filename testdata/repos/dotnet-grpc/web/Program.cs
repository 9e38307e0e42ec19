using Grpc.Net.Client;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddAspNetCoreInstrumentation()
        .AddGrpcClientInstrumentation()
        .AddOtlpExporter());

var app = builder.Build();
var cart = new Shop.CartService.CartServiceClient(GrpcChannel.ForAddress("http://cart:5000"));

app.MapGet("/cart/{user}", async (string user) =>
    await cart.GetCartAsync(new Shop.CartRequest { UserId = user }));

app.Run();
