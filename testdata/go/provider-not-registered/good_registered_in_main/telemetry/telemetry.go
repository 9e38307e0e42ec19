// Package telemetry builds the provider and hands it to the caller, who registers it.
package telemetry

import sdktrace "go.opentelemetry.io/otel/sdk/trace"

// NewProvider returns the service's tracer provider.
func NewProvider() *sdktrace.TracerProvider {
	tp := sdktrace.NewTracerProvider()
	return tp
}
