package main

import (
	"go.opentelemetry.io/contrib/propagators/b3"
	"go.opentelemetry.io/otel"
)

func setupPropagation() {
	otel.SetTextMapPropagator(b3.New())
}
