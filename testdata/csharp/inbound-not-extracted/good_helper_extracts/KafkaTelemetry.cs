using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

public static class KafkaTelemetry
{
    private static readonly ActivitySource Source = new("Chat.Kafka");

    public static Activity? StartConsumer(ConsumeResult<string, byte[]> result)
    {
        var headers = result.Message.Headers;
        if (!headers.TryGetLastBytes("trace-id", out var traceId) ||
            !headers.TryGetLastBytes("span-id", out var spanId))
        {
            return null;
        }
        var parent = new ActivityContext(
            ActivityTraceId.CreateFromBytes(traceId),
            ActivitySpanId.CreateFromBytes(spanId),
            ActivityTraceFlags.Recorded,
            traceState: null,
            isRemote: true);
        return Source.StartActivity("consume", ActivityKind.Consumer, parent);
    }
}
