package httpapi_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/neo4jtest"
)

func TestCORS(t *testing.T) {
	st := neo4jtest.Store(t)
	srv := serveOptions(t, st, nil, httpapi.Options{Logger: zerolog.Nop(),
		AllowedOrigins: []string{"https://careers.example.com"}})
	defer srv.Close()
	send := func(method, origin string) *http.Response {
		req, _ := http.NewRequest(method, srv.URL+"/graphql", strings.NewReader(`{"query":"{ __typename }"}`))
		req.Header.Set("Origin", origin)
		req.Header.Set("Content-Type", "application/json")
		if method == http.MethodOptions {
			req.Header.Set("Access-Control-Request-Method", "POST")
			req.Header.Set("Access-Control-Request-Headers", "content-type")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if r := send(http.MethodOptions, "https://careers.example.com"); r.StatusCode != 204 ||
		r.Header.Get("Access-Control-Allow-Origin") != "https://careers.example.com" ||
		!strings.Contains(r.Header.Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("allowed preflight: %d %v", r.StatusCode, r.Header)
	}
	if r := send(http.MethodPost, "https://careers.example.com"); r.StatusCode != 200 ||
		r.Header.Get("Access-Control-Allow-Origin") != "https://careers.example.com" {
		t.Errorf("allowed request: %d %v", r.StatusCode, r.Header)
	}
	if r := send(http.MethodOptions, "https://evil.example.net"); r.StatusCode != 403 || r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("refused preflight: %d %v", r.StatusCode, r.Header)
	}
	if r := send(http.MethodPost, "https://evil.example.net"); r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("a refused origin got CORS headers: %v", r.Header)
	}
}
