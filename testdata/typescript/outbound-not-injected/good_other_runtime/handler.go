package frontend

import "net/http"

func (s *Server) checkout(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, "http://checkout:8080/", nil)
	if err != nil {
		return
	}
	resp, err := s.client.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}
