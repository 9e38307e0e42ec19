using System.Diagnostics;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Trace;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

var source = new ActivitySource("Stats");
using var tracerProvider = Sdk.CreateTracerProviderBuilder()
    .AddSource("Stats")
    .AddOtlpExporter()
    .Build();

var factory = new ConnectionFactory { HostName = "rabbitmq" };
using var connection = factory.CreateConnection();
using var channel = connection.CreateModel();
var consumer = new EventingBasicConsumer(channel);
consumer.Received += (model, ea) =>
{
    using var activity = source.StartActivity("process audit", ActivityKind.Consumer);
    Console.WriteLine(Encoding.UTF8.GetString(ea.Body.ToArray()));
};
channel.BasicConsume("audit", true, consumer); // expect: inbound-not-extracted
Console.ReadLine();
