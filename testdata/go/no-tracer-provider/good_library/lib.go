// A library creates spans; the application that imports it sets up the SDK.
package lib

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("example.com/lib")

// Do does the work under a span.
func Do(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "lib.Do")
	defer span.End()
	_ = ctx
}
