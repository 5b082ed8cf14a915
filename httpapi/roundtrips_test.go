package httpapi_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/planner"
)

// A query three levels deep over a page of 50 roles costs a fixed number of Cypher
// statements, one per nested field and level, however many roles the page holds.
func TestNestedQueriesAreBatched(t *testing.T) {
	st := neo4jtest.Scratch(t)
	ctx := context.Background()
	if err := neo4jtest.Reset(ctx, st, syntheticGraph(60)); err != nil {
		t.Fatal(err)
	}
	// The planner's snapshot (which prices nested lists) is loaded once, up front, and not
	// refreshed while statements are counted.
	pl := planner.New(st, planner.Options{RefreshEvery: time.Hour})
	if err := pl.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pl.Close)
	srv := serveWith(t, st, pl)

	doc := `query($n: Int) { roles(first: $n) { nodes { id
		skills { skill { id roles { role { id } } certifications { id } } }
		nextRoles { role { id certifications { certification { id } } } }
		certifications { certification { validates { id } } }
	} } }`
	count := func(n int) int64 {
		before := st.Statements()
		var data struct {
			Roles struct{ Nodes []struct{ ID string } }
		}
		r := query(t, srv, doc, map[string]any{"n": n}, &data)
		noErrors(t, r)
		if len(data.Roles.Nodes) != n {
			t.Fatalf("got %d roles, want %d", len(data.Roles.Nodes), n)
		}
		return st.Statements() - before
	}
	small, large := count(5), count(50)
	t.Logf("statements: %d for 5 roles, %d for 50", small, large)
	// 1 list + 3 fields at level one + 4 at level two. Role certifications are asked at
	// two levels; whether the loader's batch window catches both in one statement depends
	// on timing, so either size may take one more. A per-role cost would add dozens.
	for _, c := range []struct {
		n   int
		got int64
	}{{5, small}, {50, large}} {
		if c.got > 9 {
			t.Errorf("a page of %d roles took %d statements, want at most 9", c.n, c.got)
		}
	}
}

// syntheticGraph is a dataset of n roles in a chain, each requiring three of 20 skills
// and valuing one of 5 certifications.
func syntheticGraph(n int) *domain.Dataset {
	ds := &domain.Dataset{Sources: []domain.Source{{ID: "test", Title: "test"}}}
	src := []string{"test"}
	for i := range 20 {
		ds.Skills = append(ds.Skills, domain.Skill{ID: fmt.Sprintf("s%02d", i), Name: fmt.Sprintf("Skill %d", i),
			Category: "NETWORKING", Description: "d", SourceIDs: src})
	}
	for i := range 5 {
		ds.Certifications = append(ds.Certifications, domain.Certification{ID: fmt.Sprintf("c%d", i),
			Name: fmt.Sprintf("Cert %d", i), Vendor: "V", Level: "ENTRY", Domain: "D", Description: "d",
			Validates: []string{fmt.Sprintf("s%02d", i), fmt.Sprintf("s%02d", i+5)}, SourceIDs: src})
	}
	for i := range n {
		id := fmt.Sprintf("r%03d", i)
		ds.Roles = append(ds.Roles, domain.Role{ID: id, Title: "Role " + id, Track: "SYSTEMS", Level: "MID",
			Summary: "s", SourceIDs: src})
		for k := range 3 {
			ds.Requirements = append(ds.Requirements, domain.Requirement{Role: id,
				Skill: fmt.Sprintf("s%02d", (i+k*7)%20), Importance: 3, Level: 3, SourceID: "test"})
		}
		ds.Endorsements = append(ds.Endorsements, domain.Endorsement{Role: id,
			Certification: fmt.Sprintf("c%d", i%5), Relevance: "HELPFUL", SourceID: "test"})
		if i > 0 {
			ds.Progressions = append(ds.Progressions, domain.Progression{From: fmt.Sprintf("r%03d", i-1), To: id,
				TypicalYears: 2, Kind: "PROMOTION", SourceID: "test"})
		}
	}
	return ds
}
