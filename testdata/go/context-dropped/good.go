// Fresh contexts where they are right: main, detached goroutines, and code without a request.
package main

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var tracer = otel.Tracer("api")

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	defer tp.Shutdown(ctx)
	_, span := tracer.Start(ctx, "startup")
	span.End()
}

func handle(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "handle")
	defer span.End()
	go func() {
		// Outlives the request on purpose.
		audit(context.Background())
	}()
	go audit(context.Background())
	req, _ := http.NewRequest(http.MethodGet, "http://rates/", nil)
	req = req.WithContext(ctx)
	_ = req
	audit(context.WithoutCancel(ctx))
}

func audit(ctx context.Context) {}

func background() {
	audit(context.Background())
}

func unnamed(_ context.Context) {
	audit(context.Background())
}

func lifecycle(ctx context.Context) {
	audit(context.Background()) //nolint:contextcheck // outlives the start-up context on purpose
}
