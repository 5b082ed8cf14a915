package httpapi_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// Hostile and careless requests get a 4xx or a GraphQL error with a code, and the server
// stays healthy.
func TestAbusiveQueriesAreRefused(t *testing.T) {
	srv, _ := newServer(t)
	deep := `{ role(id: "help-desk-technician") { ` + strings.Repeat(`nextRoles { role { `, 6) + `id` + strings.Repeat(` } }`, 6) + ` } }`
	var wide, aliases strings.Builder
	for i := range 16 {
		fmt.Fprintf(&wide, "r%d: role(id: \"help-desk-technician\") { id } ", i)
	}
	for i := range 31 {
		fmt.Fprintf(&aliases, "a%d: id ", i)
	}
	tests := []struct{ name, doc, code string }{
		{"too deep", deep, "QUERY_TOO_DEEP"},
		{"too wide", "{ " + wide.String() + "}", "QUERY_TOO_WIDE"},
		{"alias flood", `{ role(id: "help-desk-technician") { ` + aliases.String() + ` } }`, "TOO_MANY_ALIASES"},
		{"too complex", `{ roles(first: 100) { nodes { skills { skill { roles { role { skills { skill { id } } } } } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"token flood", "{ " + strings.Repeat("__typename ", 12000) + "}", "GRAPHQL_PARSE_FAILED"},
		{"directive flood", "{ __typename " + strings.Repeat("@include(if: true) ", 300) + "}", "GRAPHQL_VALIDATION_FAILED"},
		{"unknown operation", `query A { __typename }`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := query(t, srv, tt.doc, nil, nil)
			if tt.code == "" {
				return
			}
			if r.code(0) != tt.code || r.status < 200 || r.status >= 500 {
				t.Errorf("got %d %+v, want %s", r.status, r.Errors, tt.code)
			}
		})
	}
	r := do(t, srv, "POST", "/graphql", "application/json", []byte(`{"query":"query A { __typename }","operationName":"B"}`), nil)
	if len(r.Errors) == 0 || r.status >= 500 {
		t.Errorf("unknown operation name: %d %+v", r.status, r.Errors)
	}
	resp, err := http.Get(srv.URL + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("server unhealthy after abuse: %v", err)
	}
	resp.Body.Close()
}

// Introspection is deep by nature (ofType chains); the depth limit leaves it alone so
// the playground can read the schema.
func TestIntrospectionPassesTheDepthLimit(t *testing.T) {
	srv, _ := newServer(t)
	doc := `{ __schema { types { name fields { name type { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name ofType { name } } } } } } } } } } }`
	r := query(t, srv, doc, nil, nil)
	noErrors(t, r)
}

func TestAutomaticPersistedQueries(t *testing.T) {
	srv, _ := newServer(t)
	doc := `{ role(id: "cloud-engineer") { title } }`
	sum := sha256.Sum256([]byte(doc))
	hash := hex.EncodeToString(sum[:])
	ext := fmt.Sprintf(`"extensions":{"persistedQuery":{"version":1,"sha256Hash":"%s"}}`, hash)
	r := do(t, srv, "POST", "/graphql", "application/json", []byte(`{`+ext+`,"query":""}`), nil)
	if r.code(0) != "PERSISTED_QUERY_NOT_FOUND" {
		t.Fatalf("unknown hash: %+v", r.Errors)
	}
	body := fmt.Sprintf(`{"query":%q,%s}`, doc, ext)
	var data struct{ Role struct{ Title string } }
	noErrors(t, do(t, srv, "POST", "/graphql", "application/json", []byte(body), &data))
	data.Role.Title = ""
	noErrors(t, do(t, srv, "POST", "/graphql", "application/json", []byte(`{`+ext+`,"query":""}`), &data))
	if data.Role.Title != "Cloud Infrastructure Engineer" {
		t.Errorf("by hash alone: %+v", data)
	}
}
