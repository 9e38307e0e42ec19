// The provider lives in a package variable that main shuts down; a fatal start-up error exits
// before anything was exported.
package main

import (
	"context"
	"log"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var tp *sdktrace.TracerProvider

func initTracer() error {
	tp = sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	return nil
}

func main() {
	if err := initTracer(); err != nil {
		log.Fatal(err)
	}
	defer func() { _ = tp.Shutdown(context.Background()) }()
	_, span := otel.Tracer("job").Start(context.Background(), "run")
	span.End()
}
