using System.Diagnostics;

public static class Telemetry
{
    public const string ServiceName = "Shop.Api";
    public static readonly ActivitySource Source = new(ServiceName);
    public static readonly ActivitySource Jobs = new(nameof(Jobs));
}
