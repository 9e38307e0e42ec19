module example.com/shop/telemetry

go 1.22
