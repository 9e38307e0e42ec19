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

var client = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	defer tp.Shutdown(ctx)
	srv := &http.Server{Addr: ":8080", Handler: otelhttp.NewHandler(http.HandlerFunc(page), "web")} // expect: span-name-semconv
	go srv.ListenAndServe()
	<-ctx.Done()
}

func page(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://quote:8080/quote", nil)
	resp, err := client.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	// The default client injects nothing.
	if resp, err := http.Get("http://quote:8080/quote"); err == nil { // expect: outbound-not-injected, context-dropped
		resp.Body.Close()
	}
}
