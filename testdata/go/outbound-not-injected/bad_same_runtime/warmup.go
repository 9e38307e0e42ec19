// A Go program beside the Python service that traces its own work: its request goes out
// without the span's context.
package main

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel"
)

func main() {
	ctx, span := otel.Tracer("warmup").Start(context.Background(), "warmup")
	defer span.End()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://localhost:8080/healthz", nil)
	resp, err := http.DefaultClient.Do(req) // expect: outbound-not-injected
	if err == nil {
		resp.Body.Close()
	}
}
