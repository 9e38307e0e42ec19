// A provider that exports synchronously buffers nothing: there is nothing to lose at exit.
package main

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	exporter, _ := stdouttrace.New()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter))
	otel.SetTracerProvider(tp)
	_, span := otel.Tracer("job").Start(context.Background(), "run")
	span.End()
}
