package main

import (
	"fmt"
	"io"
	"net/http"

	"go.opentelemetry.io/otel"
	"google.golang.org/grpc"
)

var tracer = otel.Tracer("example.com/shop/frontend")

type frontend struct {
	cart *grpc.ClientConn
}

func (f *frontend) home(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "render-home")
	defer span.End()
	renderProducts(ctx, w)
}

func (f *frontend) addToCart(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "add-to-cart")
	defer span.End()
	if err := addItem(ctx, f.cart, r.FormValue("sku")); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (f *frontend) currency(w http.ResponseWriter, r *http.Request) {
	// Mistake: the default client sends no trace context, and the request has no context.
	resp, err := http.Get("http://currency:7000/rates")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Fprint(w, string(body))
}
