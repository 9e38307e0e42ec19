using System.Diagnostics;
using Confluent.Kafka;
using OpenTelemetry.Trace;

// .NET automatic instrumentation instruments Confluent.Kafka consumers (see the Dockerfile).
var source = new ActivitySource("Accounting");
var config = new ConsumerConfig { BootstrapServers = "kafka:9092", GroupId = "accounting" };
using var consumer = new ConsumerBuilder<string, string>(config).Build();
consumer.Subscribe("orders");
while (true)
{
    var result = consumer.Consume();
    Console.WriteLine(result.Message.Value);
}
