// A look-alike: the loop ends after its work is done, main returns and the deferred shutdown
// runs.
package main

import (
	"context"
	"time"

	"go.opentelemetry.io/otel"
)

func main() {
	shutdown, _ := Init()
	defer shutdown(context.Background())
	n := 0
	for {
		_, span := otel.Tracer("poller").Start(context.Background(), "poll")
		time.Sleep(time.Second)
		span.End()
		n++
		if n == 10 {
			break
		}
	}
}
