// Request code that starts work from a fresh root while the request's context is in scope.
package api

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("api")

type ratesClient interface {
	Lookup(ctx context.Context, currency string) (float64, error)
}

type server struct {
	rates  ratesClient
	client *http.Client
}

func (s *server) quote(w http.ResponseWriter, r *http.Request) {
	_, span := tracer.Start(context.Background(), "quote") // expect: context-dropped
	defer span.End()
	req, _ := http.NewRequest(http.MethodGet, "http://rates/", nil) // expect: context-dropped
	s.client.Do(req)
}

// GetQuote is a gRPC method.
func (s *server) GetQuote(ctx context.Context, currency string) (float64, error) {
	c, cancel := context.WithTimeout(context.Background(), time.Second) // expect: context-dropped
	defer cancel()
	return s.rates.Lookup(c, currency)
}

func (s *server) todo(ctx context.Context) {
	s.rates.Lookup(context.TODO(), "EUR") // expect: context-dropped
}

var pricing = &http.Client{Transport: http.DefaultTransport} // expect: outbound-not-injected

func (s *server) price(ctx context.Context) {
	pricing.Get("http://pricing/") // expect: context-dropped
}

type messages interface {
	ReadMessage(ctx context.Context) (any, error)
	Process(ctx context.Context, msg any) error
}

// consume reads with a fresh context (a blocking read: fine) but processes from one too.
func (s *server) consume(ctx context.Context, r messages) {
	msg, _ := r.ReadMessage(context.Background())
	r.Process(context.Background(), msg) // expect: context-dropped
}
