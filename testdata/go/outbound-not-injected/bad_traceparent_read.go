// The handler reads the caller's traceparent to log it, and sends its own request without one.
package clients

import (
	"context"
	"log"
	"net/http"

	"go.opentelemetry.io/otel/trace"
)

var plain = &http.Client{} // expect: outbound-not-injected

// Forward logs the incoming header and calls the next service with a bare request.
func Forward(ctx context.Context, in *http.Request, url string) (*http.Response, error) {
	ctx, span := trace.SpanFromContext(ctx).TracerProvider().Tracer("x").Start(ctx, "forward")
	defer span.End()
	log.Printf("caller: %s", in.Header.Get("traceparent"))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return plain.Do(req)
}
