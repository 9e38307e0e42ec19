// A service that uses no OpenTelemetry at all gets one note, not a finding per route.
package main

import "net/http"

func main() {
	http.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {})
	http.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {})
	_ = http.ListenAndServe(":8080", nil)
}
