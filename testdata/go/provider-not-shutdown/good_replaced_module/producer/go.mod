module example.com/shop/producer

go 1.22

replace example.com/shop/config => ../config

require example.com/shop/config v0.0.0-00010101000000-000000000000
