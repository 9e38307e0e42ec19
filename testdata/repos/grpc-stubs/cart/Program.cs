using Grpc.Net.Client;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGrpc();
var app = builder.Build();
app.MapGrpcService<CartServiceImpl>();
app.Run();

public class CartServiceImpl : Shop.CartService.CartServiceBase
{
    private readonly Shop.AdService.AdServiceClient _ads =
        new Shop.AdService.AdServiceClient(GrpcChannel.ForAddress("http://ads:9555"));
}
