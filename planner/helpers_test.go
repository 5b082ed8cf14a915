package planner_test

import (
	"context"
	"testing"

	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

// curated returns a planner over the curated graph, closed when the test ends.
func curated(t *testing.T) *planner.Planner {
	t.Helper()
	return over(t, neo4jtest.Store(t))
}

// over returns a planner over st with the default options, closed when the test ends.
func over(t *testing.T, st *store.Store) *planner.Planner {
	pl := planner.New(st)
	t.Cleanup(pl.Close)
	return pl
}

// startAt is the start of someone in the role with id.
func startAt(t *testing.T, pl *planner.Planner, id string) planner.Start {
	t.Helper()
	start, err := pl.ResolveStart(context.Background(), id, nil)
	if err != nil {
		t.Fatal(err)
	}
	return start
}
