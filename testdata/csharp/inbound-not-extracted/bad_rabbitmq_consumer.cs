using System.Diagnostics;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Trace;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

public static class Program
{
    private static readonly ActivitySource Source = new("Shop.Billing");

    public static void Main()
    {
        using var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource("Shop.Billing")
            .AddOtlpExporter()
            .Build();
        var factory = new ConnectionFactory { HostName = "rabbitmq" };
        using var connection = factory.CreateConnection();
        using var channel = connection.CreateModel();
        var consumer = new EventingBasicConsumer(channel);
        consumer.Received += (model, ea) =>
        {
            using var activity = Source.StartActivity("process orders", ActivityKind.Consumer);
            Console.WriteLine(Encoding.UTF8.GetString(ea.Body.ToArray()));
        };
        channel.BasicConsume(queue: "orders", autoAck: true, consumer: consumer); // expect: inbound-not-extracted
        Console.ReadLine();
    }
}
