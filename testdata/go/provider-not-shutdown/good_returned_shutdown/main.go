package main

import (
	"context"
	"os"
	"os/signal"

	"go.opentelemetry.io/otel"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	shutdown, err := setupOTelSDK(ctx)
	if err != nil {
		return
	}
	defer func() { _ = shutdown(context.Background()) }()
	_, span := otel.Tracer("worker").Start(ctx, "work")
	span.End()
}
