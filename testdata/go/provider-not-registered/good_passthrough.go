// A provider kept off the global on purpose: its tracers are taken from it directly.
package main

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	ctx := context.Background()
	otel.SetTextMapPropagator(propagation.TraceContext{})
	tp := nonGlobal()
	defer func() { _ = tp.Shutdown(ctx) }()
	tracer := tp.Tracer("passthrough")
	ctx, span := tracer.Start(ctx, "outer")
	defer span.End()
	_, inner := otel.Tracer("library").Start(ctx, "passes through")
	inner.End()
}

func nonGlobal() *sdktrace.TracerProvider {
	tp := sdktrace.NewTracerProvider()
	return tp
}
