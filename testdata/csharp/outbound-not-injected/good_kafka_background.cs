using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

// A heartbeat with no trace in flight: there is nothing to propagate.
public class Heartbeat(ProducerConfig config) : BackgroundService
{
    private readonly IProducer<string, string> _producer = new ProducerBuilder<string, string>(config).Build();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _producer.ProduceAsync("heartbeat", new Message<string, string> { Value = "up" });
            await Task.Delay(1000, stoppingToken);
        }
    }
}
