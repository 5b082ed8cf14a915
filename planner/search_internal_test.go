package planner

import (
	"fmt"
	"testing"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/store"
)

// denseSnapshot is a complete graph of n roles: every pair joined both ways, so the
// number of simple paths grows factorially with their length.
func denseSnapshot(n int) *snapshot {
	g := &store.PlannerGraph{SkillNames: map[string]string{}}
	for i := range n {
		c := store.Candidate{Role: domain.Role{ID: fmt.Sprintf("d%02d", i), Title: "Dense", Level: "MID"}}
		for j := range n {
			if i != j {
				c.Moves = append(c.Moves, domain.Progression{From: c.Role.ID, To: fmt.Sprintf("d%02d", j), TypicalYears: 1, Kind: domain.KindPromotion})
			}
		}
		g.Candidates = append(g.Candidates, c)
	}
	return newSnapshot(g)
}

// On a graph with more paths than any search may look at, the searches stop at their
// budget and say so, instead of running for as long as the graph allows.
func TestSearchesStopAtTheirBudget(t *testing.T) {
	s := denseSnapshot(24)
	if found, complete := s.searchPaths(pathSearch{From: "d00", To: "d01", MaxSteps: 8, Cost: BySteps, Limit: 2001}); complete {
		t.Errorf("2,001 candidate paths over a complete graph: %d found without reaching the budget", len(found))
	}
	if found, complete := s.searchPaths(pathSearch{From: "d00", To: "d01", MaxSteps: 8, Cost: ByYears, Limit: 3}); !complete || len(found) != 3 {
		t.Errorf("the three quickest paths: %d found, complete %v", len(found), complete)
	}
	if _, complete := s.reach(reachSearch{From: "d00", MaxSteps: 8}); complete {
		t.Error("counting every path of up to 8 moves over a complete graph finished; want the budget to stop it")
	}
	if r, complete := s.reach(reachSearch{From: "d00", MaxSteps: 2}); !complete || len(r) != 23 || r[0].Paths != 23 {
		t.Errorf("two moves: %d roles, complete %v, %+v", len(r), complete, r[0])
	}
}

func BenchmarkWorstSearches(b *testing.B) {
	s := denseSnapshot(24)
	b.Run("2001 paths", func(b *testing.B) {
		for b.Loop() {
			s.searchPaths(pathSearch{From: "d00", To: "d01", MaxSteps: 8, Cost: BySteps, Limit: 2001})
		}
	})
	b.Run("reach to the budget", func(b *testing.B) {
		for b.Loop() {
			s.reach(reachSearch{From: "d00", MaxSteps: 8})
		}
	})
}
