using Confluent.Kafka;

public static class Program
{
    private const string TopicName = "orders";

    public static void Main()
    {
        var config = new ConsumerConfig { BootstrapServers = "kafka:9092", GroupId = "accounting" };
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe(TopicName);
        while (true)
        {
            var result = consumer.Consume();
            System.Console.WriteLine(result.Message.Value);
        }
    }
}
