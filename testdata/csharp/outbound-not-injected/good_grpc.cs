using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc;
using OpenTelemetry.Trace;

// Grpc.Net.Client goes through HttpClient, which propagates.
[ApiController]
[Route("cart")]
public class CartController : ControllerBase
{
    private static readonly GrpcChannel Channel = GrpcChannel.ForAddress("http://cart:7070");

    [HttpGet]
    public async Task<string> Get()
    {
        var client = new Cart.CartClient(Channel);
        var cart = await client.GetCartAsync(new GetCartRequest());
        return cart.ToString();
    }
}
