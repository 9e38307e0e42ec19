module example.com/shop/config

go 1.22
