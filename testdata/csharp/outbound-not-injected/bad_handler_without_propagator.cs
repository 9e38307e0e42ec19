using System.Diagnostics;
using System.Net.Http;
using Microsoft.AspNetCore.Mvc;
using OpenTelemetry.Trace;

[ApiController]
[Route("quote")]
public class QuoteController : ControllerBase
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { ActivityHeadersPropagator = null }); // expect: outbound-not-injected
    private readonly HttpClient _rates;

    public QuoteController()
    {
        var handler = new SocketsHttpHandler
        {
            ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
        };
        _rates = new HttpClient(handler); // expect: outbound-not-injected
    }

    [HttpGet]
    public async Task<string> Get()
    {
        var rates = await _rates.GetStringAsync("http://rates/today");
        return rates + await Client.GetStringAsync("http://rates/fallback");
    }
}
