package main

import (
	"context"
	"fmt"
	"io"

	"example.com/shop/cart/cartpb"
	"google.golang.org/grpc"
)

func renderProducts(ctx context.Context, w io.Writer) {
	_, span := tracer.Start(ctx, "load-products")
	defer span.End()
	fmt.Fprintln(w, "products")
}

func addItem(ctx context.Context, conn *grpc.ClientConn, sku string) error {
	cart := cartpb.NewCartServiceClient(conn)
	_, err := cart.AddItem(ctx, &cartpb.AddItemRequest{Sku: sku})
	return err
}
