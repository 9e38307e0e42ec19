// Fresh contexts that are deliberate: shutdown paths, detached work linked to the trace, and a
// span context put back by hand.
package api

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("api")

type cache interface {
	Get(ctx context.Context, key string) (string, error)
}

var client = &http.Client{}

type server struct {
	client cache
	stop  func(context.Context) error
}

// Run cleans up with a fresh context: the run's context is cancelled by then.
func (s *server) Run(ctx context.Context) {
	defer func() {
		c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s.stop(c)
	}()
	defer drainQueue(context.Background())
	shutdownCtx, done := context.WithTimeout(context.Background(), time.Second)
	defer done()
	s.shutdown(shutdownCtx)
}

// Invalidate starts a new trace linked to the caller's.
func (s *server) Invalidate(parent context.Context) {
	ctx, span := tracer.Start(context.Background(), "invalidate")
	defer span.End()
	trace.SpanFromContext(parent).AddLink(trace.LinkFromContext(ctx))
}

// Shadow runs with its own deadline but keeps the trace.
func (s *server) Shadow(ctx context.Context) {
	original := trace.SpanContextFromContext(ctx)
	c, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c = trace.ContextWithSpanContext(c, original)
	_, span := tracer.Start(c, "shadow")
	span.End()
}

// Lookup reads a cache whose Get takes a context: not an HTTP request.
func (s *server) Lookup(ctx context.Context) {
	s.client.Get(ctx, "key")
}

func (s *server) shutdown(ctx context.Context) {}

func drainQueue(ctx context.Context) {}
