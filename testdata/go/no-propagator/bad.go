// Provider registered, handler instrumented, but Go's global propagator is still a no-op.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp) // expect: no-propagator
	defer tp.Shutdown(ctx)
	mux := http.NewServeMux()
	mux.HandleFunc("/quote", quote)
	srv := &http.Server{Addr: ":8080", Handler: otelhttp.NewHandler(mux, "server")}
	go srv.ListenAndServe()
	<-ctx.Done()
}

func quote(w http.ResponseWriter, r *http.Request) {}
