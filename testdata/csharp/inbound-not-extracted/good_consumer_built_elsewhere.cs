using System.Diagnostics;
using Confluent.Kafka;
using OpenTelemetry.Trace;

// The consumer is built (and perhaps instrumented) where it is registered: not judged here.
public class OrderWorker(IConsumer<string, string> consumer)
{
    private static readonly ActivitySource Source = new("Shop.Accounting");

    public void Poll()
    {
        var result = consumer.Consume();
        using var activity = Source.StartActivity("process order", ActivityKind.Consumer);
        Console.WriteLine(result.Message.Value);
    }
}
