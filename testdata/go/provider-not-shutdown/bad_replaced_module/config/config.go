// A module of the repository that the producer uses through `replace => ../config`: the
// provider it registers is the producer's, and the cleanup it returns closes only the
// exporter, so the batch queue is never drained.
package config

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

func InitTracer() func(context.Context) error {
	exporter := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exporter)) // expect: provider-not-shutdown
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	return exporter.Shutdown
}
