module example.com/shop/frontend

go 1.22

require (
	go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v0.63.0
	go.opentelemetry.io/otel v1.38.0
	go.opentelemetry.io/otel/sdk v1.38.0
	google.golang.org/grpc v1.75.0
)
