// The look-alike: the setup returns the SDK's own *TracerProvider (with an error), whose
// Shutdown the caller can call.
package main

import (
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

func initTracing(name string) (*sdktrace.TracerProvider, error) {
	otel.SetTextMapPropagator(propagation.TraceContext{})
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(tracetest.NewInMemoryExporter()))
	otel.SetTracerProvider(tp)
	return tp, nil
}
