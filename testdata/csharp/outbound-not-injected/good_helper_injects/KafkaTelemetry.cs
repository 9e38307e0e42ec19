using System.Diagnostics;
using Confluent.Kafka;

public static class KafkaTelemetry
{
    // Writes the current context into the message by hand.
    public static void Stamp(Message<string, byte[]> message)
    {
        var context = Activity.Current?.Context ?? default;
        var traceId = new byte[16];
        context.TraceId.CopyTo(traceId);
        var spanId = new byte[8];
        context.SpanId.CopyTo(spanId);
        message.Headers ??= new Headers();
        message.Headers.Add("trace-id", traceId);
        message.Headers.Add("span-id", spanId);
    }
}
