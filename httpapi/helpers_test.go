package httpapi_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/loaders"
	"github.com/careergraph/careergraph/metrics"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

// newServer starts the real handler over the real Neo4j.
func newServer(t *testing.T) (*httptest.Server, *store.Store) {
	t.Helper()
	st := neo4jtest.Store(t)
	return serve(t, st), st
}

func serve(t *testing.T, st *store.Store) *httptest.Server {
	t.Helper()
	return serveWith(t, st, nil)
}

// serveWith is serve with the given planner (nil: one with default options).
func serveWith(t *testing.T, st *store.Store, pl *planner.Planner) *httptest.Server {
	t.Helper()
	return serveOptions(t, st, pl, httpapi.Options{Logger: zerolog.New(zerolog.NewTestWriter(t)), Playground: true,
		Introspection: true, PlaygroundAssets: filepath.Join(neo4jtest.RepoRoot(), "playground", "node_modules")})
}

// serveOptions starts the handler o describes over st and pl, closed when the test ends.
func serveOptions(t testing.TB, st *store.Store, pl *planner.Planner, o httpapi.Options) *httptest.Server {
	srv := httptest.NewServer(handler(t, st, pl, o))
	t.Cleanup(srv.Close)
	return srv
}

// handler wires o over st as server.go does: the resolvers over st and pl (nil: a planner
// of its own, closed when the test ends), per-request loaders, readiness and list bounds.
func handler(t testing.TB, st *store.Store, pl *planner.Planner, o httpapi.Options) http.Handler {
	if o.Metrics == nil {
		o.Metrics = metrics.New()
	}
	if pl == nil {
		pl = planner.New(st, planner.Options{Log: o.Logger, OnSnapshot: o.Metrics.Snapshot, OnLoad: o.Metrics.Load})
		t.Cleanup(pl.Close)
	}
	o.Schema, o.Ready, o.Snapshot, o.ListBound = graph.NewSchema(st, pl), st, pl, pl.ListBound
	// A generous wait keeps batching deterministic on a slow, shared machine.
	o.Loaders = loaders.Middleware(st, 20*time.Millisecond, o.Metrics.Batch)
	return httpapi.NewServer(o)
}

// gqlResponse is a GraphQL response with data left raw for each test to decode.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	status int
	header http.Header
}

func (r gqlResponse) code(i int) string {
	if i >= len(r.Errors) {
		return ""
	}
	c, _ := r.Errors[i].Extensions["code"].(string)
	return c
}

// query posts a GraphQL document and decodes the response; data, when not nil, receives
// the data field.
func query(t *testing.T, srv *httptest.Server, doc string, vars map[string]any, data any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": doc, "variables": vars})
	return do(t, srv, "POST", "/graphql", "application/json", body, data)
}

func do(t *testing.T, srv *httptest.Server, method, path, contentType string, body []byte, data any) gqlResponse {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, raw := send(t, req)
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s %s: status %d, body is not JSON: %s", method, path, resp.StatusCode, raw)
	}
	out.status, out.header = resp.StatusCode, resp.Header
	if data != nil && len(out.Data) > 0 && string(out.Data) != "null" {
		if err := json.Unmarshal(out.Data, data); err != nil {
			t.Fatalf("decode data: %v: %s", err, out.Data)
		}
	}
	return out
}

// send sends req and returns the response and its body, read and closed.
func send(t testing.TB, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, body
}

// get sends a GET to url and returns the response and its body.
func get(t testing.TB, url string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return send(t, req)
}

func noErrors(t *testing.T, r gqlResponse) {
	t.Helper()
	if len(r.Errors) > 0 || r.status != http.StatusOK {
		t.Fatalf("status %d, errors %+v", r.status, r.Errors)
	}
}
