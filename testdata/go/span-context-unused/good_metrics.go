// Recording a metric with the parent context is not work that should nest under the span.
package cart

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/metric"
)

var tracer = otel.Tracer("cart")

// Count counts under a leaf span.
func Count(ctx context.Context, counter metric.Int64Counter, hist metric.Float64Histogram) {
	_, span := tracer.Start(ctx, "count")
	counter.Add(ctx, 1)
	hist.Record(ctx, 2.5)
	span.End()
}
