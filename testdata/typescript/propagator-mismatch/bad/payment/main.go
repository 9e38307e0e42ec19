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
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	defer tp.Shutdown(ctx)
	srv := &http.Server{Addr: ":8080", Handler: otelhttp.NewHandler(http.HandlerFunc(charge), "http-server")}
	go srv.ListenAndServe()
	<-ctx.Done()
}

func charge(w http.ResponseWriter, r *http.Request) {}
