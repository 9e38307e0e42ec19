// Package otelmux is an instrumentation library: its option hands a provider to the
// middleware, and its test helper registers one globally.
package otelmux

import (
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

type config struct {
	provider trace.TracerProvider
}

// Option configures the middleware.
type Option func(*config)

// WithTracerProvider hands the middleware a provider.
func WithTracerProvider(provider trace.TracerProvider) Option {
	return func(c *config) { c.provider = provider }
}

// UseGlobal registers the provider for the whole process.
func UseGlobal(provider trace.TracerProvider) {
	otel.SetTracerProvider(provider)
}
