// A job that creates spans but never sets up an SDK: every span is a no-op.
package main

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("nightly-report") // expect: no-tracer-provider

func main() {
	ctx, span := tracer.Start(context.Background(), "run")
	defer span.End()
	build(ctx)
}

func build(ctx context.Context) {
	_, span := tracer.Start(ctx, "build")
	span.End()
}
