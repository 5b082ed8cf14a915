package planner_test

import (
	"context"
	"testing"

	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/planner"
)

// curated returns a planner over the curated graph, closed when the test ends.
func curated(t *testing.T) *planner.Planner {
	t.Helper()
	pl := planner.New(neo4jtest.Store(t))
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
