// No style holds a clear majority (a name started at several sites counts once), one-word
// names fit any style, server spans follow their own convention, and names built at run time
// are not judged.
package orders

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("orders")

func Work(ctx context.Context, step string) {
	ctx, a := tracer.Start(ctx, "load_order")
	defer a.End()
	ctx, b := tracer.Start(ctx, "price_order")
	defer b.End()
	ctx, c := tracer.Start(ctx, "saveOrder")
	defer c.End()
	ctx, d := tracer.Start(ctx, "ship_order")
	defer d.End()
	ctx, e := tracer.Start(ctx, "notifyCustomer")
	defer e.End()
	ctx, f := tracer.Start(ctx, "audit")
	defer f.End()
	ctx, g := tracer.Start(ctx, fmt.Sprintf("step%s", step))
	defer g.End()
	ctx, h := tracer.Start(ctx, "GET /orders", trace.WithSpanKind(trace.SpanKindServer))
	defer h.End()
	use(ctx)
}

// The same names again: counted per site, snake_case would be 7 of 10 styled names.
func Retry(ctx context.Context) {
	ctx, a := tracer.Start(ctx, "load_order")
	a.End()
	ctx, b := tracer.Start(ctx, "load_order")
	b.End()
	ctx, c := tracer.Start(ctx, "load_order")
	c.End()
	ctx, d := tracer.Start(ctx, "price_order")
	d.End()
	_, e := tracer.Start(ctx, "Checkout")
	e.End()
}

func use(ctx context.Context) {}
