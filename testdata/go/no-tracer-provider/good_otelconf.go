// The SDK comes from a declarative configuration file.
package main

import (
	"context"

	"go.opentelemetry.io/contrib/otelconf"
	"go.opentelemetry.io/otel"
)

func main() {
	ctx := context.Background()
	sdk, err := otelconf.NewSDK(otelconf.WithContext(ctx))
	if err != nil {
		panic(err)
	}
	otel.SetTracerProvider(sdk.TracerProvider())
	otel.SetTextMapPropagator(sdk.TextMapPropagator())
	_, span := otel.Tracer("job").Start(ctx, "run")
	span.End()
	_ = sdk.Shutdown(ctx)
}
