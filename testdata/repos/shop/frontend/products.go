package main

import (
	"context"
	"fmt"
	"io"

	"google.golang.org/grpc"
)

func renderProducts(ctx context.Context, w io.Writer) {
	_, span := tracer.Start(ctx, "load-products")
	defer span.End()
	fmt.Fprintln(w, "products")
}

func addItem(ctx context.Context, conn *grpc.ClientConn, sku string) error {
	return conn.Invoke(ctx, "/shop.cart.CartService/AddItem", sku, nil)
}
