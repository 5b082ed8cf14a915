package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/store"
)

// A Neo4j that hangs during the planner's read gives the caller a timeout at its deadline,
// and once Neo4j answers again the next read succeeds.
func TestPlannerReadTimesOutWhenNeo4jHangs(t *testing.T) {
	neo4jtest.Store(t) // the lock and the curated graph
	proxy := neo4jtest.Proxy(t)
	st := neo4jtest.OpenAt(t, "bolt://"+proxy.Addr())
	if _, err := st.ReadPlannerGraph(context.Background(), nil); err != nil {
		t.Fatalf("before the hang: %v", err)
	}

	proxy.Freeze()
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := st.ReadPlannerGraph(ctx, nil)
	if took := time.Since(start); !errors.Is(err, store.ErrTimeout) || took > 5*time.Second {
		t.Fatalf("a read while Neo4j hangs: %v after %s; want ErrTimeout at the 500 ms deadline", err, took)
	}
	if proxy.Held() == 0 {
		t.Fatal("the read never reached the frozen proxy")
	}

	proxy.Thaw()
	ctx, cancel = context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	g, err := st.ReadPlannerGraph(ctx, nil)
	if err != nil || len(g.Candidates) == 0 {
		t.Fatalf("after Neo4j answers again: %v (%d roles)", err, len(g.Candidates))
	}
}
