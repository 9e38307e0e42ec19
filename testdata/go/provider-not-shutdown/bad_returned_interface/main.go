// main takes the provider as the API interface, which has no Shutdown: nothing can flush it.
package main

import (
	"log"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func main() {
	tp := initTracing("api")
	handler := otelhttp.NewHandler(http.NotFoundHandler(), "api", otelhttp.WithTracerProvider(tp))
	log.Fatal(http.ListenAndServe(":8080", handler))
}
