package httpapi_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/store"
)

func TestErrorsCarryCodes(t *testing.T) {
	srv, _ := newServer(t)
	tests := []struct {
		name, doc, code, mention string
	}{
		{"unknown role", `{ role(id: "astronaut") { title } }`, "NOT_FOUND", `"astronaut"`},
		{"unknown node", `{ node(id: "astronaut") { id } }`, "NOT_FOUND", `"astronaut"`},
		{"page too large", `{ roles(first: 1000) { totalCount } }`, "BAD_USER_INPUT", "first must be between 0 and 100"},
		{"negative page", `{ skills(first: -1) { totalCount } }`, "BAD_USER_INPUT", "first must be between"},
		{"bad cursor", `{ roles(after: "not-a-cursor") { totalCount } }`, "BAD_USER_INPUT", "not a cursor"},
		{"cursor past any list", `{ roles(after: "b2Zmc2V0OjkyMjMzNzIwMzY4NTQ3NzU4MDY=") { totalCount } }`, "BAD_USER_INPUT", "not a cursor"},
		{"empty search", `{ search(text: "  ") { score } }`, "BAD_USER_INPUT", "at least one word"},
		{"unknown enum", `{ roles(filter: {track: ASTRONAUTS}) { totalCount } }`, "GRAPHQL_VALIDATION_FAILED", "ASTRONAUTS"},
		{"unknown field", `{ role(id: "x") { colour } }`, "GRAPHQL_VALIDATION_FAILED", "colour"},
		{"parse error", `{ role(id: "x") { title }`, "GRAPHQL_PARSE_FAILED", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := query(t, srv, tt.doc, nil, nil)
			if r.code(0) != tt.code {
				t.Fatalf("code = %q (%+v), want %s", r.code(0), r.Errors, tt.code)
			}
			if !strings.Contains(r.Errors[0].Message, tt.mention) {
				t.Errorf("message %q does not mention %q", r.Errors[0].Message, tt.mention)
			}
		})
	}
}

func TestWrongVariableTypeIsRejected(t *testing.T) {
	srv, _ := newServer(t)
	r := query(t, srv, `query($n: Int) { roles(first: $n) { totalCount } }`, map[string]any{"n": "ten"}, nil)
	if r.code(0) != "GRAPHQL_VALIDATION_FAILED" && r.code(0) != "BAD_USER_INPUT" {
		t.Errorf("got %+v", r.Errors)
	}
}

// With Neo4j gone, queries fail with UNAVAILABLE and a message the caller can act on;
// driver internals stay in the log.
func TestUnreachableNeo4j(t *testing.T) {
	st, err := store.Open(store.Config{URI: "bolt://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, st)
	r := query(t, srv, `{ role(id: "help-desk-technician") { title } }`, nil, nil)
	if r.code(0) != "UNAVAILABLE" {
		t.Fatalf("got %+v, want UNAVAILABLE", r.Errors)
	}
	msg := r.Errors[0].Message
	if !strings.Contains(msg, "try again") || strings.Contains(msg, "127.0.0.1") || strings.Contains(msg, "dial") {
		t.Errorf("message %q should be actionable and free of internals", msg)
	}
	if r.Errors[0].Extensions["requestId"] == nil {
		t.Error("error carries no requestId to quote to support")
	}
	resp, _ := get(t, srv.URL+"/readyz")
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz = %d, want 503", resp.StatusCode)
	}
}
