package planner_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

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
// a request after twice RefreshEvery has passed on the planner's clock (with no KeepFresh
// running) starts that refresh without waiting for it.
func TestSnapshotSeesDirectCypherEdits(t *testing.T) {
	neo4jtest.Scratch(t)
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	pl := planner.New(neo4jtest.Routed(t), planner.Options{RefreshEvery: time.Minute, Now: clk.Now})
	t.Cleanup(pl.Close)
	if slices.Contains(gapSkills(t, pl, "systems-administrator", "help-desk-technician"), "bgp") {
		t.Fatal("the curated graph already asks BGP of a help desk technician")
	}
	neo4jtest.Cypher(t, `MATCH (r:Role {id: 'help-desk-technician'}), (s:Skill {id: 'bgp'})
	           MERGE (r)-[e:REQUIRES]->(s) SET e.importance = 5.0, e.level = 6.0`, nil)
	if slices.Contains(gapSkills(t, pl, "systems-administrator", "help-desk-technician"), "bgp") {
		t.Fatal("the planner reread the graph before RefreshEvery passed")
	}
	clk.advance(3 * time.Minute)
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

// loads counts a planner's full loads and patches.
type loads struct {
	mu            sync.Mutex
	full, patched int
}

func (l *loads) record(_ time.Duration, _ int, patched bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if patched {
		l.patched++
	} else {
		l.full++
	}
}

func (l *loads) counts() (full, patched int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.full, l.patched
}

// A curator's edit through the store is patched into another planner's snapshot (the
// roles it changed read again, nothing else), and so are its removal and a role renamed;
// an edit made straight in Neo4j, two edits between checks, and a patched snapshot
// RebuildAfter old each take a full read (one that differs in a few roles is built as a
// patch). Patched answers equal those of a fresh load.
func TestServiceEditsArePatchedIn(t *testing.T) {
	st := neo4jtest.Scratch(t)
	ctx := context.Background()
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	var n loads
	pl := planner.New(neo4jtest.Routed(t), planner.Options{RefreshEvery: time.Hour, Now: clk.Now, OnLoad: n.record})
	t.Cleanup(pl.Close)
	step := stepper(t, pl, &n)
	readWhileEditing(t, pl)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	terraform := domain.Requirement{Role: "help-desk-technician", Skill: "terraform", Importance: 4, Level: 3, SourceID: "curators"}
	step("the first load", func() {}, 1, 0)
	step("a requirement set", func() { must(st.SetRequirement(ctx, terraform)) }, 1, 1)
	helpDeskRequires(t, pl, "terraform", true)
	sameAsFresh(t, pl)
	step("a role renamed", func() {
		roles, err := st.RolesByIDs(ctx, []string{"cloud-engineer"})
		must(err)
		roles[0].Title = "Cloud Platform Engineer"
		_, err = st.UpsertRole(ctx, roles[0])
		must(err)
	}, 1, 2)
	paths, err := pl.Paths(ctx, startAt(t, pl, "help-desk-technician"), planner.PathQuery{To: "cloud-engineer",
		RankBy: planner.ByYears, MaxSteps: 4, First: 1})
	must(err)
	if got := paths.Paths[0].Steps[len(paths.Paths[0].Steps)-1].To.Title; got != "Cloud Platform Engineer" {
		t.Errorf("the path ends at %q, want the new title", got)
	}
	step("a skill renamed", func() {
		_, err := st.UpsertSkill(ctx, domain.Skill{ID: "terraform", Name: "Terraform and OpenTofu", Category: "CLOUD_IAC", Description: "Infrastructure as code.", SourceIDs: []string{"curators"}})
		must(err)
	}, 1, 3)
	step("the requirement removed", func() {
		_, err := st.RemoveEdge(ctx, "requirement", "help-desk-technician", "terraform")
		must(err)
	}, 1, 4)
	helpDeskRequires(t, pl, "terraform", false)
	sameAsFresh(t, pl)
	step("an edit straight in Neo4j", func() {
		neo4jtest.Cypher(t, `MATCH (r:Role {id: 'help-desk-technician'}), (s:Skill {id: 'bgp'})
		           MERGE (r)-[e:REQUIRES]->(s) SET e.importance = 5.0, e.level = 6.0`, nil)
	}, 2, 4)
	// Read whole, yet built as a patch: the one role that differs, in the last model.
	helpDeskRequires(t, pl, "bgp", true)
	sameAsFresh(t, pl)
	step("two edits between checks", func() {
		must(st.SetRequirement(ctx, terraform))
		_, err := st.RemoveEdge(ctx, "requirement", "help-desk-technician", "terraform")
		must(err)
	}, 3, 4)
	step("one more edit", func() { must(st.SetRequirement(ctx, terraform)) }, 3, 5)
	clk.advance(planner.DefaultRebuildAfter)
	step("RebuildAfter with no change", func() {}, 4, 5)
}

// helpDeskRequires checks whether the help desk role requires skill in pl's snapshot (a
// skill systems administrators do not require).
func helpDeskRequires(t *testing.T, pl *planner.Planner, skill string, want bool) {
	t.Helper()
	if got := slices.Contains(gapSkills(t, pl, "systems-administrator", "help-desk-technician"), skill); got != want {
		t.Fatalf("help desk requires %s in the snapshot: %v, want %v", skill, got, want)
	}
}

// readWhileEditing asks pl questions until the test ends, so that the race detector sees
// requests read snapshots while patches are built from them.
func readWhileEditing(t *testing.T, pl *planner.Planner) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	t.Cleanup(func() { close(done); wg.Wait() })
	wg.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			_, _ = pl.Recommend(context.Background(), planner.Profile{RoleID: "help-desk-technician"}, 5)
		}
	})
}

// stepper returns a function that makes an edit, refreshes pl, and checks how many full
// loads and patches pl has made.
func stepper(t *testing.T, pl *planner.Planner, n *loads) func(what string, edit func(), wantFull, wantPatched int) {
	return func(what string, edit func(), wantFull, wantPatched int) {
		t.Helper()
		edit()
		if err := pl.Refresh(context.Background()); err != nil {
			t.Fatal(err)
		}
		if full, patched := n.counts(); full != wantFull || patched != wantPatched {
			t.Fatalf("after %s: %d full loads and %d patches, want %d and %d", what, full, patched, wantFull, wantPatched)
		}
	}
}

// sameAsFresh checks that pl answers as a planner that has just read the whole graph.
func sameAsFresh(t *testing.T, pl *planner.Planner) {
	t.Helper()
	fresh := over(t, neo4jtest.Store(t))
	for _, from := range []string{"help-desk-technician", "network-administrator", "cloud-engineer"} {
		a := recommended(t, pl, from)
		b := recommended(t, fresh, from)
		if !slices.Equal(a, b) {
			t.Errorf("from %s the patched snapshot recommends %v, a fresh one %v", from, a, b)
		}
		if ga, gb := gapSkills(t, pl, from, "senior-it-infrastructure-engineer"), gapSkills(t, fresh, from, "senior-it-infrastructure-engineer"); !slices.Equal(ga, gb) {
			t.Errorf("from %s the patched snapshot's gap is %v, a fresh one's %v", from, ga, gb)
		}
	}
}

// recommended are the ids of the five roles recommended from a role.
func recommended(t *testing.T, pl *planner.Planner, from string) []string {
	t.Helper()
	recs, err := pl.Recommend(context.Background(), planner.Profile{RoleID: from}, 5)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range recs.Roles {
		ids = append(ids, r.Role.ID)
	}
	return ids
}

// Settled is heard once a new snapshot serves: after each load, and, once titles or texts
// have been asked about, after the word indexes are built too (on the first question,
// after its indexes are built). Reading counts the reads begun, none under way once done.
func TestSettledAfterLoadsAndWordIndexes(t *testing.T) {
	st := neo4jtest.Scratch(t)
	ctx := context.Background()
	settled := make(chan struct{}, 8)
	pl := planner.New(neo4jtest.Routed(t), planner.Options{RefreshEvery: time.Hour,
		Settled: func() { settled <- struct{}{} }})
	t.Cleanup(pl.Close)
	heard := func(what string, want bool) {
		t.Helper()
		wait := 100 * time.Millisecond // long enough to hear one that should not come
		if want {
			wait = 10 * time.Second
		}
		select {
		case <-settled:
			if !want {
				t.Fatalf("Settled heard after %s", what)
			}
		case <-time.After(wait):
			if want {
				t.Fatalf("no Settled after %s", what)
			}
		}
	}
	loaded := func(what string, reads uint64) {
		t.Helper()
		if err := pl.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		heard(what, true)
		heard(what+", twice", false)
		if begun, now := pl.Reading(); begun != reads || now {
			t.Errorf("after %s: %d reads begun, one under way %v; want %d and false", what, begun, now, reads)
		}
	}
	loaded("the first load", 1)
	for i, want := range []bool{true, false} {
		if _, err := pl.ClassifyTitles(ctx, []string{"help desk analyst"}, 1); err != nil {
			t.Fatal(err)
		}
		heard(fmt.Sprintf("title question %d", i+1), want)
	}
	req := domain.Requirement{Role: "help-desk-technician", Skill: "terraform", Importance: 4, Level: 3, SourceID: "curators"}
	if err := st.SetRequirement(ctx, req); err != nil {
		t.Fatal(err)
	}
	loaded("a patch, with words asked about before", 2)
}
