module example.com/quote
