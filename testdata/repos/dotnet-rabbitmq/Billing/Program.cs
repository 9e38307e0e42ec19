using System.Diagnostics;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Trace;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

var source = new ActivitySource("Billing");
using var tracerProvider = Sdk.CreateTracerProviderBuilder()
    .AddSource("Billing")
    .AddOtlpExporter()
    .Build();

var factory = new ConnectionFactory { HostName = "rabbitmq" };
using var connection = factory.CreateConnection();
using var channel = connection.CreateModel();
var consumer = new EventingBasicConsumer(channel);
consumer.Received += (model, ea) =>
{
    var parent = Propagators.DefaultTextMapPropagator.Extract(default, ea.BasicProperties,
        (props, key) => new[] { Encoding.UTF8.GetString((byte[])props.Headers[key]) });
    using var activity = source.StartActivity("process orders", ActivityKind.Consumer, parent.ActivityContext);
    Console.WriteLine(Encoding.UTF8.GetString(ea.Body.ToArray()));
};
channel.BasicConsume(queue: "orders", autoAck: true, consumer: consumer);
Console.ReadLine();
