// The shutdown is deferred, but main blocks in ListenAndServe and stops on SIGTERM, which
// nothing handles: deferred calls never run.
package main

import (
	"context"
	"log"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	defer tp.Shutdown(context.Background()) // expect: provider-not-shutdown
	// A meter provider's deferred shutdown is not this rule's business.
	mp := sdkmetric.NewMeterProvider()
	defer mp.Shutdown(context.Background())
	log.Fatal(http.ListenAndServe(":8080", otelhttp.NewHandler(http.NotFoundHandler(), "api")))
}
