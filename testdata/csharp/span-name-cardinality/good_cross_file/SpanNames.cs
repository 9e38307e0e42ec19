// Span names shared by the service's files.
public static class SpanNames
{
    public const string LoadPath = "load_order";
}
