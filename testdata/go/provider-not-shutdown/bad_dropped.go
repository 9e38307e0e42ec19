// The provider is built straight into SetTracerProvider: nothing can ever shut it down.
package main

import (
	"context"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	otel.SetTracerProvider(sdktrace.NewTracerProvider()) // expect: provider-not-shutdown
	_, span := otel.Tracer("job").Start(context.Background(), "run")
	span.End()
}
