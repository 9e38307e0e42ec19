// A program whose provider is registered by a sibling module it builds in by path (the
// look-alike of a library's example: the module is not around the program).
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"

	"example.com/shop/telemetry"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var tracer = otel.Tracer("api")

func handle(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "handle")
	defer span.End()
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	defer func() { _ = tp.Shutdown(context.Background()) }()
	telemetry.Register(tp)
	srv := &http.Server{Addr: ":8080", Handler: otelhttp.NewHandler(http.HandlerFunc(handle), "serve")}
	go func() { _ = srv.ListenAndServe() }()
	<-ctx.Done()
	_ = srv.Shutdown(context.Background())
}
