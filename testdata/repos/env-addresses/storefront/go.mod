module example.com/storefront

go 1.22
