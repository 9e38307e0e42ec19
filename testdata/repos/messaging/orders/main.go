package main

import (
	"context"

	"github.com/segmentio/kafka-go"
)

const ordersTopic = "orders"

func main() {
	w := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: ordersTopic}
	audit := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: "audit"}
	_ = w.WriteMessages(context.Background(), kafka.Message{Value: []byte("order")})
	_ = audit.WriteMessages(context.Background(), kafka.Message{Value: []byte("order")})
}
