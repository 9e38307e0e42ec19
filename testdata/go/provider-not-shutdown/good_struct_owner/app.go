// The provider lives in a struct and its Close method shuts it down.
package main

import (
	"context"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type app struct {
	tp *sdktrace.TracerProvider
}

func newApp() *app {
	a := &app{}
	a.tp = sdktrace.NewTracerProvider()
	otel.SetTracerProvider(a.tp)
	return a
}

func (a *app) Close(ctx context.Context) error { return a.tp.Shutdown(ctx) }

func main() {
	a := newApp()
	defer a.Close(context.Background())
}
