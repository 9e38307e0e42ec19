using System.Diagnostics;

// Tracing comes from a shared project (AddServiceDefaults): its AddSource calls are not visible.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var app = builder.Build();
app.MapGet("/", () => Handlers.Index());
app.Run();

static class Handlers
{
    private static readonly ActivitySource Source = new("Shop.Unlisted");

    public static string Index()
    {
        using var a = Source.StartActivity("index");
        return "ok";
    }
}
