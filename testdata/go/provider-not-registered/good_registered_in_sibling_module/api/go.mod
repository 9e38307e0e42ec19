module example.com/shop/api

go 1.22

replace example.com/shop/telemetry => ../telemetry

require example.com/shop/telemetry v0.0.0-00010101000000-000000000000
