package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var (
	client      = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
	pricingURL  = os.Getenv("PRICING_URL")
	paymentsURL = os.Getenv("PAYMENTS_URL")
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	defer tp.Shutdown(ctx)
	srv := &http.Server{Addr: ":8080", Handler: otelhttp.NewHandler(http.HandlerFunc(page), "http-server")}
	go srv.ListenAndServe()
	<-ctx.Done()
}

func page(w http.ResponseWriter, r *http.Request) {
	stock := fmt.Sprintf("http://%s/stock/%s", os.Getenv("INVENTORY_ADDR"), r.URL.Query().Get("sku"))
	get(r, stock) // calls inventory through a helper: not an edge site
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, fmt.Sprintf("http://%s/reserve", os.Getenv("INVENTORY_ADDR")), nil) // expect: propagator-mismatch
	do(req)
	req, _ = http.NewRequestWithContext(r.Context(), http.MethodGet, pricingURL+"/price", nil)
	do(req)
	req, _ = http.NewRequestWithContext(r.Context(), http.MethodGet, paymentsURL+"/v1/charges", nil)
	do(req)
	req, _ = http.NewRequestWithContext(r.Context(), http.MethodGet, os.Getenv("REVIEWS_URL")+"/reviews", nil)
	do(req)
}

func get(r *http.Request, url string) {
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, url, nil)
	do(req)
}

func do(req *http.Request) {
	resp, err := client.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}
