// Spans that are ended on every path, or whose ownership moves elsewhere.
package orders

import (
	"context"
	"errors"
	"log"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("orders")

// Deferred ends it on every path.
func Deferred(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "deferred")
	defer span.End()
	if id == "" {
		return errors.New("no id")
	}
	save(ctx)
	return nil
}

// EveryPath ends it before each return.
func EveryPath(ctx context.Context, id string) error {
	ctx, span := tracer.Start(ctx, "every-path")
	if id == "" {
		span.End()
		return errors.New("no id")
	} else if id == "x" {
		span.End()
		log.Fatal("x")
	}
	switch id {
	case "a":
		span.End()
	default:
		span.End()
	}
	save(ctx)
	return nil
}

// Returned hands the span to the caller.
func Returned(ctx context.Context) (context.Context, trace.Span) {
	ctx, span := tracer.Start(ctx, "returned")
	return ctx, span
}

type job struct{ span trace.Span }

// Stored keeps the span in a struct; Close ends it.
func (j *job) Stored(ctx context.Context) {
	_, span := tracer.Start(ctx, "stored")
	j.span = span
}

// Close ends the stored span.
func (j *job) Close() { j.span.End() }

// IntoField starts the span straight into a field.
func (j *job) IntoField(ctx context.Context) {
	ctx, j.span = tracer.Start(ctx, "field")
	save(ctx)
}

// Helper passes it to a function that ends it.
func Helper(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "helper")
	finish(span, nil)
	save(ctx)
}

// Closure ends it in a deferred closure.
func Closure(ctx context.Context) (err error) {
	ctx, span := tracer.Start(ctx, "closure")
	defer func() {
		if err != nil {
			span.RecordError(err)
		}
		span.End()
	}()
	save(ctx)
	return nil
}

// Goroutine ends it in the goroutine that does the work.
func Goroutine(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "goroutine")
	go func() {
		save(ctx)
		span.End()
	}()
}

// Panics ends the process on the other path.
func Panics(ctx context.Context, id string) {
	ctx, span := tracer.Start(ctx, "panics")
	if id == "" {
		panic("no id")
	}
	save(ctx)
	span.End()
}

// Loop starts and ends a span per iteration.
func Loop(ctx context.Context, ids []string) {
	for _, id := range ids {
		ctx, span := tracer.Start(ctx, "item")
		save(ctx)
		_ = id
		span.End()
	}
}

// Lookalikes are not span starts.
func Lookalikes(ctx context.Context, s interface{ Start() error }, t interface{ Start(int) }) {
	span := trace.SpanFromContext(ctx)
	span.AddEvent("seen")
	_ = s.Start()
	t.Start(1)
}

func finish(span trace.Span, err error) { span.End() }

func save(ctx context.Context) {}
