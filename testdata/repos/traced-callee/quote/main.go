package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	defer tp.Shutdown(ctx)
	mux := http.NewServeMux()
	mux.HandleFunc("/quote", quote) // expect: inbound-not-extracted
	srv := &http.Server{Addr: ":8080", Handler: mux}
	go srv.ListenAndServe()
	<-ctx.Done()
}

func quote(w http.ResponseWriter, r *http.Request) {}
