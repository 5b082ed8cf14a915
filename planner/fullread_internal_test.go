package planner

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/store"
)

// skillGraph is n roles, each requiring two of ten skills and titled by its number.
func skillGraph(n int) *store.PlannerGraph {
	g := &store.PlannerGraph{SkillNames: map[string]string{}}
	for k := range 10 {
		g.SkillNames[fmt.Sprintf("s%d", k)] = fmt.Sprintf("Skill %d", k)
	}
	for i := range n {
		id := fmt.Sprintf("r%03d", i)
		c := store.Candidate{Role: domain.Role{ID: id, Title: fmt.Sprintf("Role %d engineer", i), Level: "MID"}}
		for _, k := range []int{i % 10, (i + 3) % 10} {
			c.Requirements = append(c.Requirements, store.Need{Skill: fmt.Sprintf("s%d", k), Importance: 3, Level: 4})
		}
		g.Candidates = append(g.Candidates, c)
	}
	return g
}

// A full read that differs from the snapshot in a few roles (an edit made straight in
// Neo4j) patches those in, keeping the similarity model; many changed roles, or a rebuild
// due, build the snapshot afresh.
func TestFullReadPatchesAFewChangedRoles(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	cur := newSnapshot(skillGraph(200))
	cur.loaded = now

	g := skillGraph(200)
	g.Candidates[7].Requirements[0].Importance = 5     // a property changed
	g.Candidates[9].Role.Title = "Role 9 architect"    // a title changed
	g.Candidates = slices.Delete(g.Candidates, 11, 12) // a role gone
	if got, _ := cur.reuse(g); !slices.Equal(sortedCopy(got), []string{"r007", "r009", "r011"}) {
		t.Fatalf("changed roles %v, want r007, r009, r011", got)
	}
	s := fromFullRead(cur, g, false, now.Add(time.Second))
	if !s.patched || s.sim.model != cur.sim.model || !s.loaded.Equal(now) {
		t.Fatal("a few changed roles were not patched in with the snapshot's model")
	}
	if s.reqs["r007"][0].Importance != 5 || s.roles["r009"].Title != "Role 9 architect" || s.byID["r011"] != nil {
		t.Fatal("the patched snapshot does not hold the full read's roles")
	}
	if reflect.DeepEqual(s.sim.vecs["r009"].Text, cur.sim.vecs["r009"].Text) {
		t.Error("the renamed role's vector was kept")
	}

	if s := fromFullRead(cur, g, true, now); s.patched || s.sim.model == cur.sim.model {
		t.Error("a rebuild due patched the snapshot")
	}
	many := skillGraph(200)
	for i := range 20 {
		many.Candidates[i].Role.Title += " II"
	}
	if s := fromFullRead(cur, many, false, now); s.patched {
		t.Error("twenty changed roles of 200 were patched in")
	}
}

func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// A full read or a patch keeps what did not change: the snapshot's own copy of each role
// read again as it was, and its indexes of titles and names unless a role's titles,
// summary, level or codes changed, or the catalog did.
func TestUnchangedIsKept(t *testing.T) {
	cur := newSnapshot(skillGraph(50))
	cur.titleIndex()
	g := skillGraph(50)
	g.Candidates[3].Requirements[0].Importance = 5
	s := fromFullRead(cur, g, false, time.Now())
	if &s.byID["r004"].Requirements[0] != &cur.byID["r004"].Requirements[0] {
		t.Error("a role read as the snapshot holds it was not the snapshot's own")
	}
	if &s.byID["r003"].Requirements[0] == &cur.byID["r003"].Requirements[0] || s.reqs["r003"][0].Importance != 5 {
		t.Error("the changed role was not taken from the read")
	}
	if s.words != cur.words {
		t.Error("a requirement changed and the word indexes were built again")
	}
	if s := fromFullRead(cur, skillGraph(50), true, time.Now()); s.words != cur.words || s.patched {
		t.Error("a rebuild over the same roles built the word indexes again")
	}

	renamed := skillGraph(50)
	renamed.Candidates[3].Role.AlternateTitles = []string{"Quantum widget wrangler"}
	s = fromFullRead(cur, renamed, false, time.Now())
	if s.words == cur.words {
		t.Fatal("a role's titles changed and the word indexes were kept")
	}
	if m := s.titleIndex().Match("widget wrangler", 1); len(m) != 1 || m[0].Role != "r003" {
		t.Errorf("the new title is not found: %+v", m)
	}

	recataloged := skillGraph(50)
	recataloged.Named = map[string]domain.Skill{"s1": {ID: "s1", Name: "Widget wrangling"}}
	if s := fromFullRead(cur, recataloged, false, time.Now()); s.words == cur.words {
		t.Error("the catalog changed and the word indexes were kept")
	}
	gone := skillGraph(50)
	gone.Candidates = gone.Candidates[:49]
	if s := cur.patch(gone, []string{"r049"}); s.words == cur.words {
		t.Error("a role left and the word indexes were kept")
	}
}

// A rebuild due whose full read finds the roles and catalog the snapshot holds fits the
// similarity model again, as a fresh build would, and keeps every other index; with no
// rebuild due, such a read keeps the snapshot's indexes and model alike.
func TestRebuildOverTheSameRolesRefits(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	edited := skillGraph(50)
	edited.Candidates[3].Requirements[0].Importance = 5
	cur := newSnapshot(skillGraph(50)).patch(edited, []string{"r003"})
	s := fromFullRead(cur, skillGraph(50), true, now)
	if s.patched || !s.loaded.Equal(now) || s.sim.model == cur.sim.model {
		t.Fatal("a rebuild with a change since the last load did not fit the model again")
	}
	again := skillGraph(50)
	again.Candidates[3].Requirements[0].Importance = 5
	s = fromFullRead(cur, again, true, now)
	if s.patched || s.sim.model == cur.sim.model {
		t.Fatal("a rebuild over the same roles did not fit the model again")
	}
	if &s.needIndex[0][0] != &cur.needIndex[0][0] || &s.cands[0] != &cur.cands[0] {
		t.Error("a rebuild over the same roles built the other indexes again")
	}
	unchanged := skillGraph(50)
	unchanged.Candidates[3].Requirements[0].Importance = 5
	if same := fromFullRead(s, unchanged, false, now.Add(time.Hour)); same.sim != s.sim ||
		&same.needIndex[0][0] != &s.needIndex[0][0] || !same.loaded.Equal(now) {
		t.Error("a full read of what the snapshot holds, no rebuild due, built something again")
	}
	fresh := newSnapshot(again) // numbers its vocabulary in another order: compare similarities
	for _, a := range []string{"r003", "r010"} {
		for id := range fresh.byID {
			got := s.sim.model.Similarity(s.sim.vecs[a], s.sim.vecs[id]).Total
			want := fresh.sim.model.Similarity(fresh.sim.vecs[a], fresh.sim.vecs[id]).Total
			if math.Abs(got-want) > 1e-12 {
				t.Fatalf("%s to %s: %v after the rebuild, %v in a fresh build", a, id, got, want)
			}
		}
	}
}

// fingerprintStore serves skillGraph(50) at a fingerprint the test sets, and notes the
// graph each full read is given.
type fingerprintStore struct {
	fp      string
	roles   int           // the graph's role count, as State reports it
	reading func() string // when set, noted with each full read
	given   []*store.PlannerGraph
	noted   []string
}

func (s *fingerprintStore) State(context.Context) (store.GraphState, error) {
	return store.GraphState{Fingerprint: s.fp, Version: s.fp, Roles: s.roles}, nil
}
func (s *fingerprintStore) ReadPlannerRoles(context.Context, *store.PlannerGraph, store.Change) (*store.PlannerGraph, error) {
	panic("no change is recorded, so the planner never patches")
}
func (s *fingerprintStore) ReadPlannerGraph(_ context.Context, prev *store.PlannerGraph) (*store.PlannerGraph, error) {
	s.given = append(s.given, prev)
	if s.reading != nil {
		s.noted = append(s.noted, s.reading())
	}
	return skillGraph(50), nil
}

// A full read is told to Options.Loading with the graph's role count as the state gives
// it, and what Loading returned is called once the snapshot is built.
func TestFullReadIsLoading(t *testing.T) {
	var events []string
	st := &fingerprintStore{fp: "1", roles: 12345, reading: func() string { return "read during " + events[len(events)-1] }}
	p := New(st, Options{Loading: func(roles int) func() {
		events = append(events, fmt.Sprintf("loading %d", roles))
		return func() { events = append(events, "done") }
	}})
	defer p.Close()
	if _, err := p.snapshot(context.Background()); err != nil {
		t.Fatal(err)
	}
	if want := []string{"loading 12345", "done"}; !slices.Equal(events, want) || !slices.Equal(st.noted, []string{"read during loading 12345"}) {
		t.Errorf("events %v, reads %v; want %v, the read during the loading", events, st.noted, want)
	}
}

// A reload gives the full read the graph of the snapshot it serves, so that the read can
// keep that graph's roles; the first load has none to give.
func TestReloadGivesTheReadTheSnapshotsGraph(t *testing.T) {
	st := &fingerprintStore{fp: "1"}
	p := New(st)
	defer p.Close()
	ctx := context.Background()
	first, err := p.snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.fp = "2"
	if err := p.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if len(st.given) != 2 || st.given[0] != nil || st.given[1] != first.graph {
		t.Fatalf("the full reads were given %v; want nil, then the first snapshot's graph", st.given)
	}
}
