using System.Diagnostics;
using OpenTelemetry.Trace;

var source = new ActivitySource("Shop.Importer");
using (var activity = source.StartActivity("import")) // expect: no-tracer-provider
{
    activity?.SetTag("rows", 42);
}
