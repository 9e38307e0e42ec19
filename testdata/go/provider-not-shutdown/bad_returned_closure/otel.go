// Setup hands back a closure that shuts the provider down (the getting-started pattern).
package main

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

func setupOTelSDK() (func(context.Context) error, error) {
	var shutdownFuncs []func(context.Context) error
	tracerProvider := sdktrace.NewTracerProvider(sdktrace.WithBatcher(tracetest.NewInMemoryExporter()))
	shutdownFuncs = append(shutdownFuncs, tracerProvider.Shutdown)
	otel.SetTracerProvider(tracerProvider)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	return func(ctx context.Context) error {
		for _, f := range shutdownFuncs {
			_ = f(ctx)
		}
		return nil
	}, nil
}
