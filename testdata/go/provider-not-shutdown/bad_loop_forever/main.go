// A consumer whose main loops until the process is killed: the deferred shutdown never runs.
package main

import (
	"context"
	"log"
	"time"

	"go.opentelemetry.io/otel"
)

func main() {
	shutdown, _ := Init()
	defer shutdown(context.Background()) // expect: provider-not-shutdown
	for {
		_, span := otel.Tracer("poller").Start(context.Background(), "poll")
		time.Sleep(time.Second)
		span.End()
		select {
		case <-time.After(time.Second):
			log.Print("tick")
			break
		}
	}
}
