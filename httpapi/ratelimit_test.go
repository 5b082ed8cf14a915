package httpapi_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/metrics"
	"github.com/careergraph/careergraph/store"
)

// keyed configures API keys by name: each key is its name.
func keyed(names ...string) map[string]httpapi.KeyLimit {
	out := map[string]httpapi.KeyLimit{}
	for _, n := range names {
		sum := sha256.Sum256([]byte(n))
		out[hex.EncodeToString(sum[:])] = httpapi.KeyLimit{Name: n}
	}
	return out
}

// A client that spends its bucket gets 429 with Retry-After; another client (another API
// key) is unaffected; expensive queries spend the bucket faster; /metrics counts it all.
func TestRateLimitAndMetrics(t *testing.T) {
	neo4jtest.Store(t) // the lock and the curated graph
	m := metrics.New()
	st, err := store.Open(store.Config{URI: neo4jtest.URI(), OnStatement: m.Statement})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(context.Background())
	srv := serveOptions(t, st, nil, httpapi.Options{Logger: zerolog.Nop(), Metrics: m,
		RateLimit: httpapi.RateLimit{Rate: 0.5, Burst: 5, CostUnit: 100, Keys: keyed("a", "b", "c")}})
	post := func(key, doc string) *http.Response { return postAs(t, srv, key, doc) }
	cheap := `query Cheap { __typename }`
	for i := range 5 {
		if r := post("a", cheap); r.StatusCode != 200 {
			t.Fatalf("request %d: %d", i, r.StatusCode)
		}
	}
	r := post("a", cheap)
	if r.StatusCode != 429 {
		t.Fatalf("sixth request: %d, want 429", r.StatusCode)
	}
	if s, err := strconv.Atoi(r.Header.Get("Retry-After")); err != nil || s < 1 {
		t.Errorf("Retry-After = %q", r.Header.Get("Retry-After"))
	}
	if r := post("b", cheap); r.StatusCode != 200 {
		t.Errorf("another client was limited: %d", r.StatusCode)
	}
	// One costly query (complexity in the hundreds) empties client c's bucket.
	if r := post("c", `query Costly { roles(first: 50) { nodes { skills { skill { id } } } } }`); r.StatusCode != 200 {
		t.Fatalf("costly query: %d", r.StatusCode)
	}
	if r := post("c", cheap); r.StatusCode != 429 {
		t.Errorf("after a costly query: %d, want 429", r.StatusCode)
	}
	checkMetrics(t, srv)
}

// checkMetrics checks what TestRateLimitAndMetrics's requests left in /metrics.
func checkMetrics(t *testing.T, srv *httptest.Server) {
	_, body := get(t, srv.URL+"/metrics")
	for _, want := range []string{
		`careergraph_graphql_requests_total{operation="Cheap",outcome="ok"} 6`,
		`careergraph_rate_limited_total 2`,
		`careergraph_loader_batch_size_count{loader="role_skills"}`,
		`careergraph_graphql_duration_seconds_bucket{operation="Costly"`,
		`careergraph_neo4j_statement_duration_seconds_count{statement="list_roles"}`,
		`careergraph_neo4j_statement_duration_seconds_count{statement="role_skills"}`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	// Every statement is named by its file: none is counted as "other".
	if strings.Contains(string(body), `statement="other"`) {
		t.Error("a statement sent has no file name in store/cypher")
	}
}

// Made-up API keys identify no one: their requests share their address's bucket, so a
// client minting keys gets no more than the anonymous rate. A configured key has its own
// bucket, and its own rate.
func TestMadeUpKeysGetTheAnonymousRate(t *testing.T) {
	st := neo4jtest.Store(t)
	keys := keyed("partner")
	for sum, k := range keys {
		k.Rate, k.Burst = 100, 50
		keys[sum] = k
	}
	srv := serveOptions(t, st, nil, httpapi.Options{Logger: zerolog.Nop(),
		RateLimit: httpapi.RateLimit{Rate: 0.5, Burst: 5, Keys: keys}})
	post := func(key string) int { return postAs(t, srv, key, "{ __typename }").StatusCode }
	passed := 0
	for i := range 20 {
		if post(fmt.Sprintf("made-up-%d", i)) == 200 {
			passed++
		}
	}
	if passed > 5 {
		t.Errorf("20 requests with made-up keys: %d passed, want at most the anonymous burst of 5", passed)
	}
	if code := post(""); code != 429 {
		t.Errorf("without a key after the made-up ones: %d, want 429 (the same bucket)", code)
	}
	for i := range 20 {
		if code := post("partner"); code != 200 {
			t.Fatalf("configured key, request %d: %d, want its own bucket of 50", i, code)
		}
	}
}

// postAs posts doc to srv's /graphql with the API key (none when empty) and returns the
// response, its body read and closed.
func postAs(t *testing.T, srv *httptest.Server, key, doc string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("POST", srv.URL+"/graphql", strings.NewReader(`{"query":"`+doc+`"}`))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("X-API-Key", key)
	}
	resp, _ := send(t, req)
	return resp
}
