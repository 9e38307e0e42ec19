package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/segmentio/kafka-go"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

const jobsTopic = "jobs"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	tp := sdktrace.NewTracerProvider()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	defer tp.Shutdown(context.Background())

	w := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: jobsTopic}
	_ = w.WriteMessages(ctx, kafka.Message{Value: []byte("job")})

	r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"kafka:9092"}, Topic: jobsTopic})
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return
		}
		_ = m
	}
}
