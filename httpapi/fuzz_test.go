package httpapi_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// FuzzGraphQLRequest sends arbitrary bodies down the whole request path (guard, parser,
// validation, limits, resolvers, the real Neo4j). Whatever comes in, the answer is a
// well-formed response below 500: never a panic, never a server error.
func FuzzGraphQLRequest(f *testing.F) {
	for _, seed := range []string{
		`{"query":"{ role(id: \"help-desk-technician\") { title skills { skill { name } } } }"}`,
		`{"query":"query($id: ID!) { node(id: $id) { id } }","variables":{"id":"bgp"}}`,
		`{"query":"{ careerPaths(from: \"help-desk-technician\", to: \"cloud-engineer\", first: 2) { paths { totalYears } } }"}`,
		`{"query":"{ search(text: \"c++ (\") { score } }"}`,
		`{"query":"{ roles(first: 3, after: \"b2Zmc2V0OjE=\") { totalCount } }"}`,
		`{"query":"{ recommendations(profile: {skills: [{skill: \"bgp\", level: 3}]}) { roles { reason } } }"}`,
		`[{"query":"{ __typename }"}]`, `{"query": 5}`, `{`, ``, `{"query":"{ a`,
	} {
		f.Add([]byte(seed))
	}
	st := neo4jtest.Store(f)
	h := handler(f, st, nil, httpapi.Options{Logger: zerolog.Nop(), Introspection: true})
	f.Fuzz(func(t *testing.T, body []byte) {
		req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= http.StatusInternalServerError {
			t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body.String())
		}
		if bytes.Contains(rec.Body.Bytes(), []byte("INTERNAL_SERVER_ERROR")) {
			t.Fatalf("internal error for %q: %s", body, rec.Body.String())
		}
	})
}
