package planner

import (
	"context"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/store"
)

// graphStore serves one PlannerGraph read beforehand, for profiling the planner alone.
type graphStore struct{ g *store.PlannerGraph }

func (s graphStore) State(context.Context) (store.GraphState, error) {
	return store.GraphState{Fingerprint: "fixed"}, nil
}
func (s graphStore) ReadPlannerRoles(context.Context, *store.PlannerGraph, store.Change) (*store.PlannerGraph, error) {
	return s.g, nil
}
func (s graphStore) ReadPlannerGraph(context.Context, *store.PlannerGraph) (*store.PlannerGraph, error) {
	return s.g, nil
}

// grownGraph is the planner graph of O*NET grown to factor times its size over the curated
// roles, read from Neo4j once and kept in a file under the temporary directory.
func grownGraph(b *testing.B, factor int) *store.PlannerGraph {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("careergraph-planner-graph-%dx.gob", factor))
	if f, err := os.Open(path); err == nil {
		defer f.Close()
		g := &store.PlannerGraph{}
		if err := gob.NewDecoder(f).Decode(g); err != nil {
			b.Fatal(err)
		}
		return g
	}
	st := grownStore(b, factor)
	ctx := context.Background()
	started := time.Now()
	g, err := st.ReadPlannerGraph(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("read %d roles in %s", len(g.Candidates), time.Since(started))
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := gob.NewEncoder(f).Encode(g); err != nil {
		b.Fatal(err)
	}
	return g
}

// BenchmarkScale profiles the snapshot build and recommendations over a grown graph:
// PROFILE_SCALE=10 go test ./planner -run x -bench Scale -cpuprofile cpu.out
func BenchmarkScale(b *testing.B) {
	factor, _ := strconv.Atoi(os.Getenv("PROFILE_SCALE"))
	if factor < 1 {
		b.Skip("set PROFILE_SCALE to the graph's size, as a multiple of O*NET")
	}
	g := grownGraph(b, factor)
	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var s *snapshot
		for b.Loop() {
			s = newSnapshot(g)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(before.HeapInuse)/(1<<20), "graphMiB")
		b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/(1<<20), "snapshotMiB")
		runtime.KeepAlive(s)
	})
	b.Run("compare a full read", func(b *testing.B) {
		s := newSnapshot(g)
		for b.Loop() {
			if changed, _ := s.reuse(g); len(changed) != 0 {
				b.Fatalf("%d roles changed", len(changed))
			}
		}
	})
	b.Run("patch", func(b *testing.B) {
		s := newSnapshot(g)
		b.ReportAllocs()
		for b.Loop() {
			s.patch(g, []string{"help-desk-technician"})
		}
	})
	pl := New(graphStore{g})
	ctx := context.Background()
	for _, profile := range []Profile{{RoleID: "onet-15-1244-00"},
		{Skills: map[string]float64{"onet-2-c-3-a": 5, "onet-2-b-3-e": 4}}} {
		b.Run("recommend/"+profile.RoleID, func(b *testing.B) {
			if _, err := pl.Recommend(ctx, profile, 5); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pl.Recommend(ctx, profile, 5); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkScaleRead profiles reading the planner graph of a grown O*NET from Neo4j:
// PROFILE_SCALE=10 go test ./planner -run x -bench ScaleRead -cpuprofile cpu.out
func BenchmarkScaleRead(b *testing.B) {
	factor, _ := strconv.Atoi(os.Getenv("PROFILE_SCALE"))
	if factor < 1 {
		b.Skip("set PROFILE_SCALE to the graph's size, as a multiple of O*NET")
	}
	st := grownStore(b, factor)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := st.ReadPlannerGraph(ctx, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// grownStore is the test store with O*NET grown to factor times its size imported.
func grownStore(b *testing.B, factor int) *store.Store {
	st := neo4jtest.Store(b)
	d, err := onet.Read(onet.Options{Dir: neo4jtest.Shared(b, "data/onet-29.3")})
	if err != nil {
		b.Fatal(err)
	}
	if err := st.ImportONet(context.Background(), onet.Grow(d, factor, 1), func(string, int, time.Duration) {}); err != nil {
		b.Fatal(err)
	}
	return st
}
