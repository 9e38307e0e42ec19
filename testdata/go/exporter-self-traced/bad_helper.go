package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

var (
	_ = otelgrpc.NewClientHandler
	_ = otlptracehttp.New
	_ = otelhttp.NewTransport
	_ = insecure.NewCredentials
	_ = http.DefaultClient
)

func serve(ctx context.Context, exp sdktrace.SpanExporter) {
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	defer tp.Shutdown(ctx)
	<-ctx.Done()
}

type server struct {
	collectorConn *grpc.ClientConn
	cartConn      *grpc.ClientConn
}

// One helper dials every connection, the collector's included.
func mustConnGRPC(ctx context.Context, conn **grpc.ClientConn, addr string) {
	var err error
	*conn, err = grpc.NewClient(addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
	if err != nil {
		panic(err)
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	svc := new(server)
	mustConnGRPC(ctx, &svc.cartConn, "cart:7070")
	mustConnGRPC(ctx, &svc.collectorConn, "collector:4317")
	exp, err := otlptracegrpc.New(ctx, otlptracegrpc.WithGRPCConn(svc.collectorConn)) // expect: exporter-self-traced
	if err != nil {
		panic(err)
	}
	serve(ctx, exp)
}
