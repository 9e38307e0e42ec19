// The provider is built and shut down, but otelhttp and otel.Tracer read the global no-op one.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	tp := sdktrace.NewTracerProvider() // expect: provider-not-registered
	defer tp.Shutdown(ctx)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	srv := &http.Server{Addr: ":8080", Handler: otelhttp.NewHandler(http.HandlerFunc(hello), "server")}
	go srv.ListenAndServe()
	<-ctx.Done()
}

func hello(w http.ResponseWriter, r *http.Request) {
	_, span := otel.Tracer("hello").Start(r.Context(), "hello")
	defer span.End()
}
