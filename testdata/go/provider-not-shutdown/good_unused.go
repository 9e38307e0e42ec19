// A provider built and thrown away (a snippet showing options): nothing registers it or takes
// a tracer from it, so it records nothing and has nothing to flush.
package main

import (
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

func main() {
	sdktrace.NewTracerProvider(sdktrace.WithBatcher(tracetest.NewInMemoryExporter()))
}
