// A trace context stored earlier (a job record, a message body) restored into a fresh root:
// the propagator's Extract puts the stored trace back, so the result continues it.
package api

import (
	"context"
	"encoding/json"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

// Restore returns the context serialized into a job record.
func Restore(ctx context.Context, input string) context.Context {
	propagator := otel.GetTextMapPropagator()
	carrier := propagation.MapCarrier{}
	if err := json.Unmarshal([]byte(input), &carrier); err != nil {
		return ctx
	}
	return propagator.Extract(context.Background(), carrier)
}

// Resume restores the stored context through a variable before starting the job's span.
func Resume(ctx context.Context, carrier propagation.MapCarrier) {
	parent := context.Background()
	parent = otel.GetTextMapPropagator().Extract(parent, carrier)
	_, span := tracer.Start(parent, "resume")
	defer span.End()
}
