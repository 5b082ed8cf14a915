package httpapi_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// Heavy queries run within their lane and cheap ones beside them (shedding itself is
// tested in shed_internal_test.go); an answer over the size cap is replaced by
// RESPONSE_TOO_LARGE; a request past its deadline stops with TIMEOUT.
func TestBoundedWork(t *testing.T) {
	st := neo4jtest.Store(t)
	heavy := `{ roles(first: 50) { nodes { skills { skill { roles { role { title } } } } } } }`
	cheap := `{ role(id: "help-desk-technician") { title } }`

	srv := serveOptions(t, st, nil, httpapi.Options{Logger: zerolog.Nop(), MaxHeavyInFlight: 1})
	defer srv.Close()
	done := make(chan gqlResponse, 4)
	for range 4 {
		go func() { done <- query(t, srv, heavy, nil, nil) }()
	}
	for range 4 {
		if r := <-done; r.status != http.StatusOK && (r.status != http.StatusServiceUnavailable || r.code(0) != "OVERLOADED") {
			t.Errorf("heavy query: %d %+v, want an answer or OVERLOADED", r.status, r.Errors)
		}
	}
	noErrors(t, query(t, srv, heavy, nil, nil)) // the lane is free again
	noErrors(t, query(t, srv, cheap, nil, nil))

	small := serveOptions(t, st, nil, httpapi.Options{Logger: zerolog.Nop(), MaxResponseBytes: 300})
	defer small.Close()
	if r := query(t, small, `{ roles(first: 20) { nodes { id title summary } } }`, nil, nil); r.code(0) != "RESPONSE_TOO_LARGE" {
		t.Errorf("an answer over 300 bytes: %d %+v", r.status, r.Errors)
	}
	noErrors(t, query(t, small, cheap, nil, nil))

	late := serveOptions(t, st, nil, httpapi.Options{Logger: zerolog.Nop(), RequestTimeout: time.Nanosecond})
	defer late.Close()
	if r := query(t, late, cheap, nil, nil); r.code(0) != "TIMEOUT" {
		t.Errorf("past its deadline: %d %+v, want TIMEOUT", r.status, r.Errors)
	}
}
