package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/contrib/propagators/b3"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(b3.New())
	defer tp.Shutdown(ctx)
	mux := http.NewServeMux()
	mux.HandleFunc("/stock/", stock)
	mux.HandleFunc("/reserve", stock)
	srv := &http.Server{Addr: ":9000", Handler: otelhttp.NewHandler(mux, "http-server")}
	go srv.ListenAndServe()
	<-ctx.Done()
}

func stock(w http.ResponseWriter, r *http.Request) {}
