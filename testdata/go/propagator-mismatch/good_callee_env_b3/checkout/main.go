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

var client = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(b3.New())
	defer tp.Shutdown(ctx)
	srv := &http.Server{Addr: ":8080", Handler: otelhttp.NewHandler(http.HandlerFunc(buy), "http-server")}
	go srv.ListenAndServe()
	<-ctx.Done()
}

func buy(w http.ResponseWriter, r *http.Request) {
	addr := os.Getenv("PAYMENT_ADDR")
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodPost, "http://"+addr+"/charge", nil)
	resp, err := client.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}
