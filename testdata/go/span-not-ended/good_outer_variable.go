// A retry callback stores its span in the caller's variable; the loop around it ends it before
// the next attempt.
package orders

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

// CallWithRetry ends the wait span its callback started before each new attempt.
func CallWithRetry(ctx context.Context, fn func(context.Context) error, attempts int) error {
	var sleepSpan trace.Span
	beforeSleep := func() {
		_, sleepSpan = tracer.Start(ctx, "waiting to retry")
	}
	var err error
	for i := 0; i < attempts; i++ {
		if sleepSpan != nil {
			sleepSpan.End()
			sleepSpan = nil
		}
		if err = fn(ctx); err == nil {
			return nil
		}
		beforeSleep()
	}
	return err
}
