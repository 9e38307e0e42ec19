package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	exp, err := otlptracegrpc.New(ctx)
	if err != nil {
		log.Fatal(err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	// Mistake: no otel.SetTextMapPropagator, so Go's no-op propagator drops every traceparent.
	otel.SetTracerProvider(tp)
	defer tp.Shutdown(context.Background())

	cart, err := dialCart(os.Getenv("CART_ADDR"))
	if err != nil {
		log.Fatal(err)
	}
	fe := &frontend{cart: cart}

	mux := http.NewServeMux()
	mux.HandleFunc("/", fe.home)
	mux.HandleFunc("POST /cart", fe.addToCart)
	mux.HandleFunc("GET /currency", fe.currency)
	mux.HandleFunc("POST /checkout", fe.placeOrder)
	mux.HandleFunc("GET /ads", fe.ads)

	srv := &http.Server{Addr: ":8080", Handler: otelhttp.NewHandler(mux, "frontend")}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	_ = srv.Shutdown(context.Background())
}
