package main

import (
	"context"
	"os"

	"github.com/segmentio/kafka-go"
)

func main() {
	w := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: os.Getenv("ORDERS_TOPIC")}
	_ = w.WriteMessages(context.Background(), kafka.Message{Value: []byte("order")})
}
