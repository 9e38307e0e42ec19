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

type mailer struct {
	pricingAddr string
	client      *http.Client
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	defer tp.Shutdown(ctx)
	m := &mailer{client: &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}}
	mustMapEnv(&m.pricingAddr, "PRICING_ADDR")
	srv := &http.Server{Addr: ":8070", Handler: otelhttp.NewHandler(http.HandlerFunc(m.send), "http-server")}
	go srv.ListenAndServe()
	<-ctx.Done()
}

func (m *mailer) send(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, m.pricingAddr+"/price", nil)
	resp, err := m.client.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}

func mustMapEnv(target *string, key string) {
	v, ok := os.LookupEnv(key)
	if !ok {
		panic(key + " not set")
	}
	*target = v
}
