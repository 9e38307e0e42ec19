module example.com/otelmux

go 1.22
