package main

import "net/http"

func main() {
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {})
	http.HandleFunc("/quote", quote) // expect: inbound-not-extracted
	_ = http.ListenAndServe(":8080", nil)
}

func quote(w http.ResponseWriter, r *http.Request) {}
