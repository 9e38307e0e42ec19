// A short-lived job: main shuts the provider it was handed down before it returns.
package main

import (
	"context"
	"log"
)

func main() {
	tp, err := initTracing("job")
	if err != nil {
		log.Fatal(err)
	}
	defer func() { _ = tp.Shutdown(context.Background()) }()
	_, span := tp.Tracer("job").Start(context.Background(), "run")
	span.End()
}
