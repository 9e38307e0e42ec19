using System.Diagnostics;
using Confluent.Kafka;
using OpenTelemetry;
using OpenTelemetry.Trace;

// The consumer hands each result to a helper in another file, which rebuilds the producer's
// context from its own headers.
public static class Program
{
    public static void Main()
    {
        using var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource("Chat.Kafka")
            .AddOtlpExporter()
            .Build();
        var config = new ConsumerConfig { BootstrapServers = "kafka:9092", GroupId = "chat" };
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe("messages");
        while (true)
        {
            var result = consumer.Consume();
            using var activity = KafkaTelemetry.StartConsumer(result);
            Console.WriteLine(result.Message.Key);
        }
    }
}
