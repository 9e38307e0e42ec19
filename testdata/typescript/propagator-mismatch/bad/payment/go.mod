module example.com/payment

go 1.22
