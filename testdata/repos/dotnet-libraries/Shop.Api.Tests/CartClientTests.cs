using Xunit;

public class CartClientTests
{
    [Fact]
    public void Registers() => new ServiceCollection().AddCartClient();
}
