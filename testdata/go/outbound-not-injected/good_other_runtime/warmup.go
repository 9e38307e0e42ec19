// A Go helper beside the traced Python service: it runs in a process of its own, and no Go file
// of the service uses OpenTelemetry, so it has no trace to send.
package main

import (
	"context"
	"net/http"
)

func warm(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://localhost:8080/healthz", nil)
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}

func main() {
	warm(context.Background())
}
