using System.Net.Http;
using Microsoft.AspNetCore.Mvc;
using OpenTelemetry.Trace;

// The runtime's DiagnosticsHandler writes traceparent on every HttpClient request while an
// activity is current, with or without AddHttpClientInstrumentation.
[ApiController]
[Route("quote")]
public class QuoteController(IHttpClientFactory factory, RatesClient rates) : ControllerBase
{
    private static readonly HttpClient Shared = new();
    private readonly HttpClient _plain = new HttpClient(new HttpClientHandler());

    [HttpGet]
    public async Task<string> Get()
    {
        var a = await Shared.GetStringAsync("http://rates/a");
        var b = await _plain.GetStringAsync("http://rates/b");
        var client = factory.CreateClient("rates");
        var c = await client.GetStringAsync("http://rates/c");
        return a + b + c + await rates.Today();
    }
}

public class RatesClient(HttpClient httpClient)
{
    public Task<string> Today() => httpClient.GetStringAsync("/today");
}
