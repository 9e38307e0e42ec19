// A short-lived producer: main defers the cleanup its configuration module hands back and
// returns normally, so the deferred call runs.
package main

import (
	"context"

	"example.com/shop/config"
	"go.opentelemetry.io/otel"
)

func main() {
	cleanup := config.InitTracer()
	defer cleanup(context.Background())
	_, span := otel.Tracer("producer").Start(context.Background(), "send")
	span.End()
}
