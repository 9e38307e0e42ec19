package main

import (
	"context"
	"errors"
	"sync"
	"time"

	"example.com/shop/cart/cartpb"
	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("example.com/shop/cart")

type cartServer struct {
	cartpb.UnimplementedCartServiceServer
	mu    sync.Mutex
	items map[string][]string
	store *store
}

func newCartServer() *cartServer {
	return &cartServer{items: map[string][]string{}, store: &store{}}
}

func (s *cartServer) AddItem(ctx context.Context, req *cartpb.AddItemRequest) (*cartpb.Empty, error) {
	ctx, span := tracer.Start(ctx, "validate-item")
	if req.Sku == "" {
		// Mistake: this return leaves the span open.
		return nil, errors.New("empty sku")
	}
	span.End()

	s.mu.Lock()
	s.items[req.UserId] = append(s.items[req.UserId], req.Sku)
	s.mu.Unlock()

	// Mistake: persisting starts from a fresh root instead of the request's context.
	wctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return &cartpb.Empty{}, s.store.save(wctx, req.UserId)
}

type store struct{}

func (st *store) save(ctx context.Context, user string) error {
	_, span := tracer.Start(ctx, "store.save")
	defer span.End()
	return nil
}
