using System.Diagnostics;
using OpenTelemetry.Trace;

// The CLR profiler of .NET automatic instrumentation sets up the SDK (see docker-compose.yml).
var source = new ActivitySource("Shop.Importer");
using (var activity = source.StartActivity("import"))
{
    activity?.SetTag("rows", 42);
}
