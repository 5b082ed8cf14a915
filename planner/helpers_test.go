package planner_test

import (
	"testing"

	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

// curated returns the store over the curated graph and a planner over it, closed when
// the test ends.
func curated(t *testing.T) (*store.Store, *planner.Planner) {
	t.Helper()
	st := neo4jtest.Store(t)
	pl := planner.New(st)
	t.Cleanup(pl.Close)
	return st, pl
}
