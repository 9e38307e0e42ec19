// Internal span names are snake_case, except two.
package orders

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders")

const saveName = "save_order"

func Work(ctx context.Context) {
	for _, name := range []string{} {
		_ = name
	}
	ctx, a := tracer.Start(ctx, "load_order")
	defer a.End()
	ctx, b := tracer.Start(ctx, "price_order")
	defer b.End()
	ctx, c := tracer.Start(ctx, saveName)
	defer c.End()
	ctx, d := tracer.Start(ctx, "ship_order")
	defer d.End()
	ctx, e := tracer.Start(ctx, "notify_customer")
	defer e.End()
	ctx, f := tracer.Start(ctx, "chargeCard") // expect: span-name-style
	defer f.End()
	ctx, g := tracer.Start(ctx, "audit")
	defer g.End()
	ctx, h := tracer.Start(ctx, "close-order") // expect: span-name-style
	defer h.End()
	use(ctx)
}

func use(ctx context.Context) {}
