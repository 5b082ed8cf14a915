package planner_test

import (
	"context"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/planner"
)

// clock is a settable clock for the planner.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *clock) advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

// cypher runs a statement straight against Neo4j, as an ETL job or cypher-shell would:
// not through the service, so nothing but the database knows of it.
func cypher(t *testing.T, stmt string, params map[string]any) {
	t.Helper()
	ctx := context.Background()
	d, err := neo4j.NewDriverWithContext(neo4jtest.URI(), neo4j.BasicAuth(os.Getenv("NEO4J_USER"), os.Getenv("NEO4J_PASSWORD"), ""))
	if os.Getenv("NEO4J_USER") == "" {
		d, err = neo4j.NewDriverWithContext(neo4jtest.URI(), neo4j.NoAuth())
	}
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	if _, err := neo4j.ExecuteQuery(ctx, d, stmt, params, neo4j.EagerResultTransformer); err != nil {
		t.Fatal(err)
	}
}

func gapSkills(t *testing.T, pl *planner.Planner, from, to string) []string {
	t.Helper()
	ctx := context.Background()
	start, err := pl.ResolveStart(ctx, from, nil)
	if err != nil {
		t.Fatal(err)
	}
	g, err := pl.SkillGap(ctx, start, to)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range g.Skills {
		ids = append(ids, s.SkillID)
	}
	return ids
}

// A requirement written straight into Neo4j reaches a planner at its next refresh, and
// a request after RefreshEvery has passed on the planner's clock starts that refresh
// without waiting for it.
func TestSnapshotSeesDirectCypherEdits(t *testing.T) {
	neo4jtest.Scratch(t)
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	pl := planner.New(neo4jtest.Routed(t), planner.Options{RefreshEvery: time.Minute, Now: clk.Now})
	t.Cleanup(pl.Close)
	if slices.Contains(gapSkills(t, pl, "systems-administrator", "help-desk-technician"), "bgp") {
		t.Fatal("the curated graph already asks BGP of a help desk technician")
	}
	cypher(t, `MATCH (r:Role {id: 'help-desk-technician'}), (s:Skill {id: 'bgp'})
	           MERGE (r)-[e:REQUIRES]->(s) SET e.importance = 5.0, e.level = 6.0`, nil)
	if slices.Contains(gapSkills(t, pl, "systems-administrator", "help-desk-technician"), "bgp") {
		t.Fatal("the planner reread the graph before RefreshEvery passed")
	}
	clk.advance(2 * time.Minute)
	gapSkills(t, pl, "systems-administrator", "help-desk-technician") // starts the refresh
	neo4jtest.Eventually(t, 10*time.Second, "the edit made straight in Neo4j, after the refresh started", func() bool {
		return slices.Contains(gapSkills(t, pl, "systems-administrator", "help-desk-technician"), "bgp")
	})
}

// Two planners on one Neo4j, one over neo4j:// routing: an edit through the service's
// store reaches the other planner at its next refresh, and so does its removal.
func TestTwoPlannersAgree(t *testing.T) {
	st := neo4jtest.Scratch(t)
	ctx := context.Background()
	a, b := planner.New(st), planner.New(neo4jtest.Routed(t))
	t.Cleanup(b.Close)
	for _, pl := range []*planner.Planner{a, b} {
		if slices.Contains(gapSkills(t, pl, "systems-administrator", "help-desk-technician"), "terraform") {
			t.Fatal("the curated graph already asks Terraform of a help desk technician")
		}
	}
	if err := st.SetRequirement(ctx, domain.Requirement{Role: "help-desk-technician", Skill: "terraform", Importance: 4, Level: 3, SourceID: "curators"}); err != nil {
		t.Fatal(err)
	}
	for name, pl := range map[string]*planner.Planner{"a": a, "b": b} {
		if err := pl.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(gapSkills(t, pl, "systems-administrator", "help-desk-technician"), "terraform") {
			t.Errorf("planner %s does not see the new requirement after a refresh", name)
		}
	}
	if _, err := st.RemoveEdge(ctx, "requirement", "help-desk-technician", "terraform"); err != nil {
		t.Fatal(err)
	}
	if err := b.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(gapSkills(t, b, "systems-administrator", "help-desk-technician"), "terraform") {
		t.Error("planner b still sees the removed requirement after a refresh")
	}
}
