package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/store"
)

func TestImportTwiceChangesNothing(t *testing.T) {
	st := neo4jtest.Store(t)
	ctx := context.Background()
	ds := neo4jtest.Curated(t)
	before, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Import(ctx, ds); err != nil {
		t.Fatal(err)
	}
	after, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("a second import changed the graph (-before +after):\n%s", diff)
	}
	wantLines := len(ds.Sources) + len(ds.Roles) + len(ds.Skills) + len(ds.Certifications) +
		len(ds.Requirements) + len(ds.Endorsements) + len(ds.Progressions)
	for _, c := range ds.Certifications {
		wantLines += len(c.Validates) + len(c.PreparesFor)
	}
	if len(after) != wantLines {
		t.Errorf("graph has %d nodes and edges, want %d", len(after), wantLines)
	}
}

func TestImportRemovesWhatTheDatasetDropped(t *testing.T) {
	st := neo4jtest.Scratch(t)
	ctx := context.Background()
	ds := neo4jtest.Curated(t)
	// Drop the compliance manager and every edge into it, and one skill edge.
	ds.Roles = slices.DeleteFunc(ds.Roles, func(r domain.Role) bool { return r.ID == "it-compliance-manager" })
	ds.Progressions = slices.DeleteFunc(ds.Progressions, func(p domain.Progression) bool { return p.To == "it-compliance-manager" })
	ds.Requirements = slices.DeleteFunc(ds.Requirements, func(r domain.Requirement) bool {
		return r.Role == "it-compliance-manager" || (r.Role == "help-desk-technician" && r.Skill == "active-directory")
	})
	ds.Endorsements = slices.DeleteFunc(ds.Endorsements, func(e domain.Endorsement) bool { return e.Role == "it-compliance-manager" })
	if err := st.Import(ctx, ds); err != nil {
		t.Fatal(err)
	}
	if got, err := st.RolesByIDs(ctx, []string{"it-compliance-manager"}); err != nil || len(got) != 0 {
		t.Errorf("dropped role still there: %v %v", got, err)
	}
	skills, err := st.RoleSkills(ctx, []string{"help-desk-technician"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range skills["help-desk-technician"] {
		if s.Skill.ID == "active-directory" {
			t.Error("dropped REQUIRES edge still there")
		}
	}
}

func TestNodeByID(t *testing.T) {
	st := neo4jtest.Store(t)
	ctx := context.Background()
	for id, want := range map[string]string{"help-desk-technician": "domain.Role", "bgp": "domain.Skill", "cisco-ccna": "domain.Certification"} {
		n, err := st.Node(ctx, id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if got := typeName(n); got != want || n.NodeID() != id {
			t.Errorf("%s: got %s %s, want %s", id, got, n.NodeID(), want)
		}
	}
	if _, err := st.Node(ctx, "no-such-thing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown id: got %v, want ErrNotFound", err)
	}
}

func typeName(n domain.Node) string {
	switch n.(type) {
	case domain.Role:
		return "domain.Role"
	case domain.Skill:
		return "domain.Skill"
	case domain.Certification:
		return "domain.Certification"
	}
	return "?"
}

func TestSearchTakesLuceneSyntaxLiterally(t *testing.T) {
	st := neo4jtest.Store(t)
	ctx := context.Background()
	for _, text := range []string{"c++ (", `"unbalanced`, "AND OR NOT", "title:x ~ ^ * ?", "/"} {
		if _, err := st.Search(ctx, text, 5); err != nil {
			t.Errorf("search %q: %v", text, err)
		}
	}
	hits, err := st.Search(ctx, "sysadmin", 5)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.Node.NodeID())
	}
	if !slices.Contains(ids, "systems-administrator") || !slices.Contains(ids, "junior-systems-administrator") {
		t.Errorf("search sysadmin found %v, want both sysadmin roles (by their alternate titles)", ids)
	}
}

func TestUnreachableNeo4jIsUnavailable(t *testing.T) {
	st, err := store.Open(store.Config{URI: "bolt://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(context.Background())
	if err := st.Ping(context.Background()); !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("got %v, want ErrUnavailable", err)
	}
}

func TestLinksGiveEveryRequestedIDAnEntry(t *testing.T) {
	st := neo4jtest.Store(t)
	got, err := st.NextRoles(context.Background(), []string{"help-desk-technician", "it-compliance-manager", "missing"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got["help-desk-technician"]) != 3 {
		t.Errorf("help desk has %d next roles, want 3", len(got["help-desk-technician"]))
	}
	for _, id := range []string{"it-compliance-manager", "missing"} {
		if v, ok := got[id]; !ok || v == nil || len(v) != 0 {
			t.Errorf("%s: got %#v, want an empty slice", id, v)
		}
	}
}

// The planner's read finds an edge's end in the nodes it reads first: an end of another
// label than the edge type joins (one none of the planner's labels has, too), an end
// without an id, and a prerequisite that is not a certification are each reported, and
// the rest of the role is read.
func TestPlannerReadChecksEveryEnd(t *testing.T) {
	st := neo4jtest.Store(t)
	neo4jtest.Cypher(t, `MATCH (r:Role {id: 'help-desk-technician'}), (c:Certification {id: 'cisco-ccna'})
		CREATE (r)-[:REQUIRES {importance: 3.0, level: 3.0}]->(:Thing {id: 'odd-thing'}),
		       (r)-[:REQUIRES {importance: 3.0, level: 3.0}]->(:Skill {name: 'no id'}),
		       (r)-[:USES]->(:Thing {id: 'odd-tool'}),
		       (:Thing {id: 'odd-course'})-[:PREPARES_FOR]->(c)`, nil)
	g, err := st.ReadPlannerGraph(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range g.Problems {
		got[p.Kind+" "+p.From+" "+p.To+" "+p.Property] = p.Reason + " " + p.Value
	}
	for key, want := range map[string]string{
		domain.RecordRequirement + " help-desk-technician odd-thing ": domain.ReasonWrongLabel + " [Thing]",
		domain.RecordRequirement + " help-desk-technician  id":        domain.ReasonMissing + " null",
		domain.RecordTechnology + " help-desk-technician odd-tool ":   domain.ReasonWrongLabel + " [Thing]",
		domain.RecordPrerequisite + " cisco-ccna odd-course ":         domain.ReasonWrongLabel + " [Thing]",
	} {
		if got[key] != want {
			t.Errorf("%q: %q, want %q (all: %v)", key, got[key], want, got)
		}
	}
	for _, c := range g.Candidates {
		if c.Role.ID == "help-desk-technician" && len(c.Requirements) == 0 {
			t.Error("the role's other requirements were dropped")
		}
	}
}

// The planner's read (candidates.cypher) and the lookups (roles_by_ids.cypher) see each
// role alike, an O*NET occupation's properties included, and a badly written role is
// reported by the planner's read, not served.
func TestPlannerReadsRolesAsLookupsDo(t *testing.T) {
	st := neo4jtest.Store(t)
	neo4jtest.Cypher(t, `CREATE (:Role {id: 'onet-99-0000-00', origin: 'onet', title: 'Occupation', summary: 's',
		    socCode: '99-0000.00', jobZone: 3, alternateTitles: ['One', 'Two'], alternateTitlesText: 'One | Two',
		    duties: [], track: 'GENERAL', level: 'MID', experienceMin: 0.0, sources: ['onet']}),
		  (:Role {id: 'bad-role', title: 'Bad', summary: 's', track: 'SYSTEMS', level: 'WIZARD', socCode: '',
		    experienceMin: 3.0, experienceMax: 1.0, salaryMin: 'lots', jobZone: 9, education: 7})`, nil)
	g, err := st.ReadPlannerGraph(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	read := map[string]domain.Role{}
	for _, c := range g.Candidates {
		ids = append(ids, c.Role.ID)
		read[c.Role.ID] = c.Role
	}
	if !slices.Contains(ids, "onet-99-0000-00") || !slices.Contains(ids, "systems-administrator") || slices.Contains(ids, "bad-role") {
		t.Fatalf("the planner read %v", ids)
	}
	looked, err := st.RolesByIDs(context.Background(), append(ids, "bad-role"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range looked {
		if r.ID == "bad-role" {
			if len(r.Problems) < 5 {
				t.Errorf("the bad role's problems: %v", r.Problems)
			}
			continue
		}
		if diff := cmp.Diff(r, read[r.ID]); diff != "" {
			t.Errorf("%s: the lookup's role (-) and the planner's (+) differ:\n%s", r.ID, diff)
		}
	}
	for _, p := range g.Problems {
		if p.From == "bad-role" {
			return
		}
	}
	t.Errorf("the planner did not report the bad role: %v", g.Problems)
}

// Reading the roles in parts, side by side, reads what one statement reads: the same
// candidates, and the same problems, a role without an id, a duplicate edge and an edge
// to a node of the wrong label among them, whichever part they fall in.
func TestPlannerReadInPartsAsInOne(t *testing.T) {
	st := neo4jtest.Store(t)
	neo4jtest.Cypher(t, `MATCH (r:Role {id: 'help-desk-technician'}), (s:Skill {id: 'terraform'}), (z:Role {id: 'systems-administrator'})
		CREATE (r)-[:REQUIRES {importance: 3.0, level: 3.0}]->(s), (r)-[:REQUIRES {importance: 2.0, level: 2.0}]->(s),
		       (z)-[:REQUIRES {importance: 3.0, level: 3.0}]->(:Thing {id: 'odd-thing'}),
		       (:Role {title: 'No id', summary: 's', track: 'SYSTEMS', level: 'MID'}),
		       (:Role {id: 42, title: 'Number id', summary: 's', track: 'SYSTEMS', level: 'MID'})`, nil)
	read := func(parts int) *store.PlannerGraph {
		defer store.SetReadParts(parts)()
		g, err := st.ReadPlannerGraph(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(g.Problems, func(a, b domain.Problem) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		return g
	}
	one := read(1)
	if len(one.Candidates) < 15 || len(one.Problems) < 4 {
		t.Fatalf("read in one: %d candidates, problems %v", len(one.Candidates), one.Problems)
	}
	for _, parts := range []int{2, 3, 7} {
		if diff := cmp.Diff(one, read(parts), cmpopts.IgnoreUnexported(store.PlannerGraph{})); diff != "" {
			t.Errorf("read in %d parts (+) differs from one (-):\n%s", parts, diff)
		}
	}
}

func TestSplitAt(t *testing.T) {
	ids := []string{"a", "b", "c", "d", "e", "f"}
	for _, c := range []struct {
		ids  []string
		n    int
		want []string
	}{{ids, 1, nil}, {ids, 2, []string{"d"}}, {ids, 3, []string{"c", "e"}}, {ids, 9, []string{"b", "c", "d", "e", "f"}},
		{nil, 4, nil}, {[]string{"a"}, 2, nil}} {
		if got := store.SplitAt(c.ids, c.n); !slices.Equal(got, c.want) {
			t.Errorf("splitAt(%v, %d) = %v, want %v", c.ids, c.n, got, c.want)
		}
	}
}

// A read given the graph read before keeps that graph's copy of every role read as it
// was, and takes what changed from Neo4j; an edge dropped because its end is gone is
// dropped from a copy, never from the graph read before, which the planner may be serving.
func TestPlannerReadSharesWhatDidNotChange(t *testing.T) {
	st := neo4jtest.Store(t)
	ctx := context.Background()
	neo4jtest.Cypher(t, `MATCH (like:Skill {id: 'dns-dhcp'}), (r:Role {id: 'systems-administrator'})
		CREATE (r)-[:REQUIRES {importance: 2.0, level: 2.0}]->(:Skill {id: 'short-lived', name: 'Short-lived', category: like.category, description: 'd'})`, nil)
	prev, err := st.ReadPlannerGraph(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	find := func(g *store.PlannerGraph, id string) *store.Candidate {
		for i := range g.Candidates {
			if g.Candidates[i].Role.ID == id {
				return &g.Candidates[i]
			}
		}
		t.Fatalf("no role %s", id)
		return nil
	}
	before := slices.Clone(find(prev, "systems-administrator").Requirements)
	if !slices.ContainsFunc(before, func(r store.Need) bool { return r.Skill == "short-lived" }) {
		t.Fatal("the new skill's requirement was not read")
	}
	neo4jtest.Cypher(t, `MATCH (:Role {id: 'help-desk-technician'})-[e:REQUIRES]->() WITH e LIMIT 1 SET e.importance = 1.0`, nil)
	// The skill is left out of the catalog (it has no name now), its edges after the roles are read.
	neo4jtest.Cypher(t, `MATCH (s:Skill {id: 'short-lived'}) REMOVE s.name`, nil)
	g, err := st.ReadPlannerGraph(ctx, prev)
	if err != nil {
		t.Fatal(err)
	}
	if &find(g, "network-administrator").Requirements[0] != &find(prev, "network-administrator").Requirements[0] {
		t.Error("a role read as it was is not the earlier read's")
	}
	if c := find(g, "help-desk-technician"); &c.Requirements[0] == &find(prev, "help-desk-technician").Requirements[0] {
		t.Error("a changed role was taken from the earlier read")
	}
	if !slices.Equal(find(prev, "systems-administrator").Requirements, before) {
		t.Error("the earlier read's requirements were changed")
	}
	for _, r := range find(g, "systems-administrator").Requirements {
		if r.Skill == "short-lived" {
			t.Error("the requirement of a skill gone is still read")
		}
	}
}

// The graph's state counts its roles, whatever their records hold.
func TestStateCountsRoles(t *testing.T) {
	st := neo4jtest.Store(t)
	ctx := context.Background()
	ds := neo4jtest.Curated(t)
	state, err := st.State(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if state.Roles != len(ds.Roles) {
		t.Fatalf("state counts %d roles; the curated graph holds %d", state.Roles, len(ds.Roles))
	}
	neo4jtest.Cypher(t, "CREATE (:Role {title: 'no id'})", nil)
	if state, err = st.State(ctx); err != nil || state.Roles != len(ds.Roles)+1 {
		t.Errorf("with a role without an id: %d roles, %v; want %d", state.Roles, err, len(ds.Roles)+1)
	}
}
