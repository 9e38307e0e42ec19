// The request passes through a helper of the same file that injects the context.
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
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(nil))
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	http.Handle("/cart", otelhttp.NewHandler(http.HandlerFunc(cart), "cart"))
	go http.ListenAndServe(":8080", nil)
	<-ctx.Done()
}

func cart(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), "GET", "http://pricing:8080/prices", nil)
	addTrace(r.Context(), req)
	http.DefaultClient.Do(req)
}

func addTrace(ctx context.Context, req *http.Request) {
	otel.GetTextMapPropagator().Inject(ctx, propagation.HeaderCarrier(req.Header))
}
