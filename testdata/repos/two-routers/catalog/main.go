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

	public := http.NewServeMux()
	public.HandleFunc("GET /products/{id}", product) // expect: inbound-not-extracted
	go http.ListenAndServe(":8080", public)

	admin := http.NewServeMux()
	admin.HandleFunc("/admin/reindex", reindex)
	go http.ListenAndServe(":9090", admin)
	<-ctx.Done()
}

func product(w http.ResponseWriter, r *http.Request) {}

// reindex continues the caller's trace by hand.
func reindex(w http.ResponseWriter, r *http.Request) {
	ctx := otel.GetTextMapPropagator().Extract(r.Context(), propagation.HeaderCarrier(r.Header))
	_ = ctx
}
