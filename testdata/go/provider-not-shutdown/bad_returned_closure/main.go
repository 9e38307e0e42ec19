// main defers the closure, then blocks serving and stops on a SIGTERM nothing handles: the
// deferred call never runs and the batch is lost.
package main

import (
	"context"
	"log"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func main() {
	shutdown, err := setupOTelSDK()
	if err != nil {
		log.Fatal(err)
	}
	defer func() { _ = shutdown(context.Background()) }() // expect: provider-not-shutdown
	log.Fatal(http.ListenAndServe(":8080", otelhttp.NewHandler(http.NotFoundHandler(), "api")))
}
