using Confluent.Kafka;
using Microsoft.AspNetCore.Mvc;
using OpenTelemetry.Trace;

[ApiController]
[Route("messages")]
public class MessagesController : ControllerBase
{
    private readonly IProducer<string, byte[]> _producer;

    public MessagesController(ProducerConfig config)
    {
        _producer = new ProducerBuilder<string, byte[]>(config).Build();
    }

    [HttpPost]
    public async Task<IActionResult> Send(string text)
    {
        var message = new Message<string, byte[]> { Key = text, Value = [] };
        KafkaTelemetry.Stamp(message);
        await _producer.ProduceAsync("messages", message);
        return Accepted();
    }
}
