package main

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

var checkoutClient = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}

func (f *frontend) placeOrder(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, "http://checkout:8081/checkout", r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	resp, err := checkoutClient.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

func (f *frontend) ads(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://ads:8082/ads", nil)
	if err != nil {
		return
	}
	if resp, err := checkoutClient.Do(req); err == nil {
		resp.Body.Close()
	}
}
