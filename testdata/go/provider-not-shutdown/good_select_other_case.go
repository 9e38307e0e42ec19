// main waits for Ctrl-C or for the job to finish, whichever comes first: it returns when the
// job ends, and the deferred Shutdown runs then.
package main

import (
	"context"
	"os"
	"os/signal"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	defer tp.Shutdown(context.Background())
	sigCh := make(chan os.Signal, 1)
	signal.Notify(sigCh, os.Interrupt)
	done := make(chan error)
	go func() { done <- run(context.Background()) }()
	select {
	case <-sigCh:
		return
	case err := <-done:
		if err != nil {
			panic(err)
		}
	}
}

func run(ctx context.Context) error {
	_, span := otel.Tracer("job").Start(ctx, "run")
	defer span.End()
	return nil
}
