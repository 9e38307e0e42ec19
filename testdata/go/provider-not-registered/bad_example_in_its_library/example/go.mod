module example.com/otelmux/example

go 1.22

replace example.com/otelmux => ../

require example.com/otelmux v0.0.0-00010101000000-000000000000
