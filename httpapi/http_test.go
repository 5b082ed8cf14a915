package httpapi_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestGraphQLOverHTTP(t *testing.T) {
	srv, _ := newServer(t)
	big := `{"query":"{ __typename }","variables":{"pad":"` + strings.Repeat("x", 2<<20) + `"}}`
	tests := []struct {
		name, method, contentType, body string
		status                          int
		code                            string
	}{
		{"post", "POST", "application/json", `{"query":"{ role(id: \"help-desk-technician\") { title } }"}`, 200, ""},
		{"malformed json", "POST", "application/json", `{"query": `, 400, "BAD_REQUEST"},
		{"batch", "POST", "application/json", `[{"query":"{ __typename }"}]`, 400, "BAD_REQUEST"},
		{"no query", "POST", "application/json", `{"variables":{}}`, 400, "BAD_REQUEST"},
		{"wrong content type", "POST", "text/plain", `{"query":"{ __typename }"}`, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"wrong method", "PUT", "application/json", `{"query":"{ __typename }"}`, 405, "METHOD_NOT_ALLOWED"},
		{"too large", "POST", "application/json", big, 413, "REQUEST_TOO_LARGE"},
		// In application/json (what a client that does not say gets), request errors answer 200.
		{"parse error", "POST", "application/json", `{"query":"{ role("}`, 200, "GRAPHQL_PARSE_FAILED"},
		{"validation error", "POST", "application/json", `{"query":"{ nope }"}`, 200, "GRAPHQL_VALIDATION_FAILED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, srv, tt.method, "/graphql", tt.contentType, []byte(tt.body), nil)
			if r.status != tt.status || r.code(0) != tt.code {
				t.Errorf("got %d %q (%+v), want %d %q", r.status, r.code(0), r.Errors, tt.status, tt.code)
			}
		})
	}
}

// application/json unless the client asks for application/graphql-response+json; in the
// latter a request error answers 400 with no data entry.
func TestResponseMediaType(t *testing.T) {
	srv, _ := newServer(t)
	r := query(t, srv, `{ __typename }`, nil, nil)
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("without Accept, Content-Type = %q, want application/json", ct)
	}
	post := func(accept, doc string) (*http.Response, string) {
		req, _ := http.NewRequest("POST", srv.URL+"/graphql", strings.NewReader(`{"query":"`+doc+`"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", accept)
		resp, b := send(t, req)
		return resp, string(b)
	}
	if resp, _ := post("*/*", "{ __typename }"); resp.Header.Get("Content-Type") != "application/json" {
		t.Errorf("with Accept: */*, Content-Type = %q", resp.Header.Get("Content-Type"))
	}
	resp, body := post("application/graphql-response+json", "{ __typename }")
	if ct := resp.Header.Get("Content-Type"); ct != "application/graphql-response+json" {
		t.Errorf("asking for application/graphql-response+json, Content-Type = %q", ct)
	}
	resp, body = post("application/graphql-response+json", "{ nope }")
	if resp.StatusCode != 400 || strings.Contains(body, `"data"`) {
		t.Errorf("a validation error in application/graphql-response+json: %d %s; want 400 without data", resp.StatusCode, body)
	}
}

func TestGet(t *testing.T) {
	srv, _ := newServer(t)
	q := url.QueryEscape(`{ role(id: "network-administrator") { title } }`)
	var data struct{ Role struct{ Title string } }
	r := do(t, srv, "GET", "/graphql?query="+q, "", nil, &data)
	noErrors(t, r)
	if data.Role.Title != "Network Administrator" {
		t.Errorf("got %+v", data)
	}
}

// A client's valid X-Request-Id is the request's id: echoed back and quoted by errors; an
// invalid one is replaced by a new id.
func TestRequestIDIsEchoed(t *testing.T) {
	srv, _ := newServer(t)
	get := func(id string) (*http.Response, string) {
		req, _ := http.NewRequest("GET", srv.URL+"/graphql?query="+url.QueryEscape(`{ role(id: "nope") { id } }`), nil)
		if id != "" {
			req.Header.Set("X-Request-Id", id)
		}
		resp, b := send(t, req)
		return resp, string(b)
	}
	resp, body := get("abc123-client")
	if got := resp.Header.Get("X-Request-Id"); got != "abc123-client" || !strings.Contains(body, `"requestId":"abc123-client"`) {
		t.Errorf("client id abc123-client: header %q, body %s", got, body)
	}
	for _, bad := range []string{"", "has spaces", strings.Repeat("x", 65), "a/b&c"} {
		resp, _ := get(bad)
		if got := resp.Header.Get("X-Request-Id"); got == "" || got == bad {
			t.Errorf("client id %q: header %q, want a new id", bad, got)
		}
	}
}

func TestHealthAndReadiness(t *testing.T) {
	srv, _ := newServer(t)
	for _, path := range []string{"/healthz", "/readyz"} {
		resp, body := get(t, srv.URL+path)
		if resp.StatusCode != 200 {
			t.Errorf("%s = %d %s", path, resp.StatusCode, body)
		}
	}
}

// The playground must work without internet access: the page loads nothing from
// another host, and every script and stylesheet it names is served here.
func TestPlaygroundIsSelfContained(t *testing.T) {
	srv, _ := newServer(t)
	resp, page := get(t, srv.URL+"/")
	if resp.StatusCode != 200 || !strings.Contains(string(page), "GraphiQL") {
		t.Fatalf("GET / = %d", resp.StatusCode)
	}
	if strings.Contains(string(page), "https://") || strings.Contains(string(page), "http://") {
		t.Error("the playground page refers to another host")
	}
	for _, asset := range []string{"graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js"} {
		if !strings.Contains(string(page), "/playground/"+asset) {
			t.Errorf("page does not load %s", asset)
		}
		resp, body := get(t, srv.URL+"/playground/"+asset)
		n := len(body)
		if resp.StatusCode != 200 || n < 1000 {
			t.Errorf("%s: status %d, %d bytes (run make playground)", asset, resp.StatusCode, n)
		}
	}
	resp, _ = get(t, srv.URL+"/playground/..%2f..%2fgo.mod")
	if resp.StatusCode != 404 {
		t.Errorf("a path outside the asset list was served: %d", resp.StatusCode)
	}
}
