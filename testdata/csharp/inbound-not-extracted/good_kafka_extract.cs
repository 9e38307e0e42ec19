using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Trace;

public static class Program
{
    private static readonly ActivitySource Source = new("Shop.Accounting");
    private static readonly TextMapPropagator Propagator = Propagators.DefaultTextMapPropagator;

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
            var result = consumer.Consume();
            var parent = Propagator.Extract(default, result.Message.Headers, ReadHeader);
            using var activity = Source.StartActivity("process order", ActivityKind.Consumer, parent.ActivityContext);
            Console.WriteLine(result.Message.Value);
        }
    }

    private static IEnumerable<string> ReadHeader(Headers headers, string key) =>
        headers.TryGetLastBytes(key, out var value) ? [Encoding.UTF8.GetString(value)] : [];
}
