package main

import (
	"context"
	"net"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/grpc"

	pb "example.com/currency/genproto"
)

type server struct {
	pb.UnimplementedCurrencyServer
}

func main() {
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	defer tp.Shutdown(context.Background()) // expect: provider-not-shutdown
	lis, _ := net.Listen("tcp", ":9090")
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
	pb.RegisterCurrencyServer(srv, &server{})
	_ = srv.Serve(lis)
}
