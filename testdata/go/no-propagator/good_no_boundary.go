// A batch job with no inbound or outbound calls: nothing to propagate.
package main

import (
	"context"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	ctx := context.Background()
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	defer tp.Shutdown(ctx)
	_, span := otel.Tracer("job").Start(ctx, "run")
	span.End()
}
