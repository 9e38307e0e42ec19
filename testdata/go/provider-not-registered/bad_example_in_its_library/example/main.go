// The library's example: it builds a provider and never registers it; the library's own code
// is not this program's setup.
package main

import (
	"net/http"

	"example.com/otelmux"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var tracer = otel.Tracer("example")

func handle(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(r.Context(), "handle")
	defer span.End()
}

func main() {
	tp := sdktrace.NewTracerProvider() // expect: provider-not-registered
	defer func() { _ = tp.Shutdown(nil) }() // expect: provider-not-shutdown
	otel.SetTextMapPropagator(propagation.TraceContext{})
	_ = otelmux.WithTracerProvider
	http.HandleFunc("/", handle) // expect: inbound-not-extracted
	_ = http.ListenAndServe(":8080", nil)
}
