package main

import (
	"net/http"
)

func main() {
	http.HandleFunc("/stock", func(w http.ResponseWriter, r *http.Request) { // expect: inbound-not-extracted
		w.Write([]byte("12"))
	})
	http.ListenAndServe(":7070", nil)
}
