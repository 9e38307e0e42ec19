namespace Shop.Clients;

public static class CartClientRegistrations
{
    public static IServiceCollection AddCartClient(this IServiceCollection services)
    {
        services.AddGrpcClient<Shop.CartService.CartServiceClient>(o => o.Address = new Uri("http://cart"));
        return services;
    }
}
