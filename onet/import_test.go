package onet_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

func quiet(string, int, time.Duration) {}

// curatedPart is the snapshot without O*NET nodes and the edges that touch them.
func curatedPart(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !strings.Contains(l, "onet-") && !strings.Contains(l, "tech-") {
			out = append(out, l)
		}
	}
	return out
}

func importFixture(t *testing.T, st *store.Store, dir string) {
	t.Helper()
	d, err := onet.Read(onet.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.ImportONet(context.Background(), d, quiet); err != nil {
		t.Fatal(err)
	}
}

func TestImportFixtures(t *testing.T) {
	st := neo4jtest.Scratch(t)
	ctx := context.Background()
	before, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	importFixture(t, st, "testdata/excel")
	first, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, curatedPart(first)); diff != "" {
		t.Errorf("the O*NET import changed curated data:\n%s", diff)
	}
	importFixture(t, st, "testdata/text")
	second, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("importing again (from the other edition) changed the graph:\n%s", diff)
	}
	checkImportedRoles(t, st)
	checkDerivedMoves(t, st)
}

// checkImportedRoles checks an occupation, its links to curated roles, its technologies
// and its alternate titles as the fixtures import them.
func checkImportedRoles(t *testing.T, st *store.Store) {
	ctx := context.Background()
	roles, err := st.RolesByIDs(ctx, []string{"onet-15-1244-00"})
	if err != nil || len(roles) != 1 {
		t.Fatalf("15-1244.00 not imported: %v", err)
	}
	if r := roles[0]; r.JobZone != 4 || r.Level != "SENIOR" || r.Track != "GENERAL" || r.Education != "Bachelor's Degree" ||
		!slices.Contains(r.SourceIDs, store.ONetSource.ID) {
		t.Errorf("15-1244.00 = %+v", r)
	}
	occ, err := st.RoleOccupations(ctx, []string{"help-desk-technician", "network-administrator"})
	if err != nil {
		t.Fatal(err)
	}
	if len(occ["help-desk-technician"]) != 1 || occ["help-desk-technician"][0].ID != "onet-15-1232-00" || len(occ["network-administrator"]) != 1 {
		t.Errorf("curated roles link to %v", occ)
	}
	tech, err := st.Technologies(ctx, []string{"onet-15-1244-00"})
	if err != nil {
		t.Fatal(err)
	}
	if ts := tech["onet-15-1244-00"]; len(ts) != 2 || !ts[0].Hot || ts[0].Technology.Category != "TECHNOLOGY" {
		t.Errorf("technologies = %+v", ts)
	}
	hits, err := st.Search(ctx, "sysadmin", 10)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(hits, func(h store.Hit) bool { return h.Node.NodeID() == "onet-15-1244-00" }) {
		t.Error("an alternate title does not find its occupation")
	}
}

// checkDerivedMoves checks the moves derived from related occupations and the bridges.
func checkDerivedMoves(t *testing.T, st *store.Store) {
	moves, err := st.NextRoles(context.Background(), []string{"onet-15-1232-00", "onet-15-1244-00", "onet-11-3021-00"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for from, ms := range moves {
		for _, m := range ms {
			got[from+" "+m.Role.ID] = m.Kind
		}
	}
	want := map[string]string{
		"onet-15-1232-00 onet-15-1244-00": "PROMOTION", // job zone 3 to 4, Primary-Short
		"onet-15-1244-00 onet-15-1241-00": "LATERAL",
		"onet-15-1244-00 onet-11-3021-00": "LATERAL",
		// Bridges into curated roles classified as an occupation these move to: never
		// down a level, a promotion when the curated role is higher.
		"onet-15-1232-00 it-infrastructure-engineer":        "LATERAL", // classified 15-1244.00
		"onet-15-1232-00 network-administrator":             "LATERAL",
		"onet-15-1232-00 systems-administrator":             "LATERAL",
		"onet-15-1244-00 cloud-solutions-architect":         "PROMOTION", // classified 15-1241.00
		"onet-15-1244-00 senior-it-infrastructure-engineer": "LATERAL",
		"onet-15-1244-00 it-infrastructure-manager":         "PROMOTION", // classified 11-3021.00
		"onet-15-1244-00 it-incident-manager":               "LATERAL",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("derived moves (-want +got):\n%s", diff)
	}
}

// Career paths, skill gaps and recommendations work over imported occupations.
func TestPlannerOverImportedOccupations(t *testing.T) {
	st := neo4jtest.Scratch(t)
	ctx := context.Background()
	importFixture(t, st, "testdata/excel")
	pl := planner.New(st)
	start, err := pl.ResolveStart(ctx, "onet-15-1232-00", nil)
	if err != nil {
		t.Fatal(err)
	}
	paths, err := pl.Paths(ctx, start, planner.PathQuery{To: "onet-11-3021-00", RankBy: planner.ByYears, First: 3, MaxSteps: 4})
	if err != nil {
		t.Fatal(err)
	}
	occupationsOnly := slices.IndexFunc(paths.Paths, func(p planner.Path) bool {
		return planner.Key(p.Roles) == "onet-15-1232-00>onet-15-1244-00>onet-11-3021-00>"
	})
	if len(paths.Paths) == 0 || occupationsOnly < 0 || paths.Paths[0].TotalYears != 5 || paths.Paths[occupationsOnly].TotalYears != 5 {
		t.Errorf("paths = %+v", paths.Paths)
	}
	g, err := pl.SkillGap(ctx, start, "onet-15-1241-00")
	if err != nil {
		t.Fatal(err)
	}
	if g.Total <= 0 || len(g.Skills) == 0 {
		t.Errorf("gap = %+v", g)
	}
	recs, err := pl.Recommend(ctx, planner.Profile{RoleID: "onet-15-1232-00"}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs.Roles) == 0 || recs.Roles[0].Role.ID != "onet-15-1244-00" {
		t.Errorf("first recommendation for a user support specialist: %+v", recs.Roles[0].Role.ID)
	}
}

// The importer's checks on the full O*NET copy in ../shared run in the evaluation's test,
// over the import it makes anyway (eval/eval_test.go, importedFacts): importing the copy
// here as well cost a twelfth of the tests' time on Neo4j.
