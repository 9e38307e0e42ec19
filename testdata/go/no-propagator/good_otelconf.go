// A declarative-config SDK, with its propagator installed.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/contrib/otelconf"
	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sdk, err := otelconf.NewSDK()
	if err != nil {
		panic(err)
	}
	defer sdk.Shutdown(ctx)
	otel.SetTracerProvider(sdk.TracerProvider())
	otel.SetTextMapPropagator(sdk.TextMapPropagator())
	conn, err := grpc.NewClient("cart:7070", grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
	_ = conn
	<-ctx.Done()
}
