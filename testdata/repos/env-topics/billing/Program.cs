using System;
using Confluent.Kafka;

public static class Program
{
    private static readonly string TopicName = Environment.GetEnvironmentVariable("ORDERS_TOPIC") ?? "orders";

    public static void Main()
    {
        var config = new ConsumerConfig { BootstrapServers = "kafka:9092", GroupId = "billing" };
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe(TopicName);
        while (true)
        {
            var result = consumer.Consume();
            Console.WriteLine(result.Message.Value);
        }
    }
}
