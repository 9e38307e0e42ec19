// Contexts used for cancellation only — listeners, lifecycle calls, constructors — carry no
// trace.
package api

import (
	"context"
	"net"

	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
)

type component struct{ srv interface{ Shutdown(context.Context) error } }

// Start starts the component.
func (c *component) Start(ctx context.Context) error {
	lis, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", ":9090")
	if err != nil {
		return err
	}
	_ = lis
	_, err = otlptracegrpc.New(context.Background())
	return err
}

// Stop stops the component.
func (c *component) Stop(ctx context.Context) error {
	return c.srv.Shutdown(context.Background())
}

// Tag guards against a nil context, a common defensive pattern.
func (c *component) Tag(ctx context.Context, name string) {
	if ctx == nil {
		ctx = context.Background()
	}
	c.record(ctx, name)
}

func (c *component) record(ctx context.Context, name string) {}

type detector interface {
	Detect(ctx context.Context) (any, error)
}

type reader interface {
	ReadMessage(ctx context.Context) (any, error)
	Process(ctx context.Context, msg any) error
}

// initTracer reads instance metadata for the resource at start-up: not traced work.
func initTracer(ctx context.Context, d detector) {
	res, _ := d.Detect(context.Background())
	_ = res
}

// Listen blocks for the next message; its trace comes from the message's headers.
func (c *component) Listen(ctx context.Context, r reader) {
	for {
		msg, err := r.ReadMessage(context.Background())
		if err != nil {
			return
		}
		_ = msg
	}
}
