// The default transport is replaced once: requests through clients without their own transport
// are instrumented.
package clients

import (
	"context"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func init() {
	http.DefaultTransport = otelhttp.NewTransport(http.DefaultTransport)
}

var plain = &http.Client{}

// Fetch uses the plain client.
func Fetch(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return plain.Do(req)
}
