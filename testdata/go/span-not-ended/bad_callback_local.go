// A retry callback whose span is its own variable: nothing ends it.
package orders

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

// CallWithRetry starts a wait span in its callback that nobody ends.
func CallWithRetry(ctx context.Context, fn func(context.Context) error, attempts int) error {
	beforeSleep := func() {
		var sleepSpan trace.Span
		_, sleepSpan = tracer.Start(ctx, "waiting to retry") // expect: span-not-ended
		sleepSpan.SetAttributes()
	}
	var err error
	for i := 0; i < attempts; i++ {
		if err = fn(ctx); err == nil {
			return nil
		}
		beforeSleep()
	}
	return err
}
