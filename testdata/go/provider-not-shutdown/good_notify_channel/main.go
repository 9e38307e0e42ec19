// main waits on the channel handed to signal.Notify, which includes SIGTERM: it returns and the
// deferred Shutdown runs. The parent context handed to NotifyContext below is not a signal wait.
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
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	defer tp.Shutdown(context.Background())
	srv := &http.Server{Addr: ":8080", Handler: otelhttp.NewHandler(http.NotFoundHandler(), "api")}
	go srv.ListenAndServe()
	<-sigs
	srv.Shutdown(context.Background())
}
