using System.Diagnostics;
using Confluent.Kafka;
using OpenTelemetry;
using OpenTelemetry.Trace;

public static class Program
{
    private static readonly ActivitySource Source = new("Shop.Accounting");

    public static void Main()
    {
        using var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource("Shop.Accounting")
            .AddOtlpExporter()
            .Build();
        var config = new ConsumerConfig { BootstrapServers = "kafka:9092", GroupId = "accounting" };
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe("orders");
        while (true)
        {
            var result = consumer.Consume(); // expect: inbound-not-extracted
            using var activity = Source.StartActivity("process order", ActivityKind.Consumer);
            Console.WriteLine(result.Message.Value);
        }
    }
}
