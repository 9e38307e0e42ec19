package main

import (
	"context"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	pb "example.com/frontend/genproto"
)

var (
	currencyConn, _ = grpc.NewClient("currency:9090", grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
	catalogConn, _  = grpc.NewClient("catalog:9090", grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
)

func main() {
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	defer tp.Shutdown(context.Background()) // expect: provider-not-shutdown
	_ = http.ListenAndServe(":8080", otelhttp.NewHandler(http.HandlerFunc(page), "page"))
}

func page(w http.ResponseWriter, r *http.Request) {
	product, _ := pb.NewCatalogClient(catalogConn).GetProduct(r.Context(), &pb.GetProductRequest{})
	_, _ = pb.NewCurrencyClient(currencyConn).Convert(context.TODO(), &pb.ConvertRequest{Price: product.Price}) // expect: context-dropped
}
