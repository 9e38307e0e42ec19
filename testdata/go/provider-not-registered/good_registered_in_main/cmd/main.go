package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"example.com/svc/telemetry"
	"go.opentelemetry.io/otel"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	tp := telemetry.NewProvider()
	otel.SetTracerProvider(tp)
	defer tp.Shutdown(ctx)
	_, span := otel.Tracer("svc").Start(ctx, "startup")
	span.End()
}
