package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/internal/neo4jtest"
)

func env(extra map[string]string) func(string) string {
	return func(k string) string {
		if k == "NEO4J_URI" {
			return neo4jtest.URI()
		}
		return extra[k]
	}
}

func TestImportCuratedDataset(t *testing.T) {
	st := neo4jtest.Store(t)
	ctx := context.Background()
	var out bytes.Buffer
	file := filepath.Join(neo4jtest.RepoRoot(), dataset.DefaultPath)
	if err := run(ctx, []string{"-DATASET=" + file}, env(nil), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "15 roles") {
		t.Errorf("output = %q", out.String())
	}
	roles, err := st.RolesByIDs(ctx, []string{"help-desk-technician"})
	if err != nil || len(roles) != 1 {
		t.Errorf("help desk not imported: %v %v", roles, err)
	}
}

// A broken file is rejected with the file, entry and field named, and the graph stays
// exactly as it was.
func TestBrokenDatasetLeavesGraphAlone(t *testing.T) {
	st := neo4jtest.Store(t)
	ctx := context.Background()
	before, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(neo4jtest.RepoRoot(), dataset.DefaultPath))
	if err != nil {
		t.Fatal(err)
	}
	// A valid change (a new title) and a broken one (a dangling edge) in the same file.
	broken := strings.Replace(string(good), "title: Help Desk Technician", "title: Renamed Help Desk", 1)
	broken = strings.Replace(broken, "{to: network-administrator, typicalYears: 3", "{to: space-cadet, typicalYears: 3", 1)
	file := filepath.Join(t.TempDir(), "broken.yaml")
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	err = run(ctx, []string{"-DATASET=" + file}, env(nil), &bytes.Buffer{})
	if err == nil {
		t.Fatal("broken dataset was imported")
	}
	for _, want := range []string{"broken.yaml", `roles "help-desk-technician": nextRoles "space-cadet"`, "to:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not name %q: %v", want, err)
		}
	}
	after, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("the rejected import changed the graph:\n%s", diff)
	}
}

func TestCheckOnlyNeedsNoNeo4j(t *testing.T) {
	var out bytes.Buffer
	file := filepath.Join(neo4jtest.RepoRoot(), dataset.DefaultPath)
	err := run(context.Background(), []string{"-check", "-DATASET=" + file},
		func(k string) string { return map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1"}[k] }, &out)
	if err != nil || !strings.Contains(out.String(), "is valid") {
		t.Errorf("got %v %q", err, out.String())
	}
}

func fixture(edition string) string {
	return filepath.Join(neo4jtest.RepoRoot(), "onet", "testdata", edition)
}

func TestImportONetAndReport(t *testing.T) {
	neo4jtest.Scratch(t)
	ctx := context.Background()
	var out bytes.Buffer
	if err := run(ctx, []string{"-onet", "-ONET_DIR=" + fixture("text")}, env(nil), &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ratings", "rows/s", "imported 4 occupations", "CC BY 4.0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	// Derived steps say how many edges they wrote: the fixtures derive moves and bridges.
	if !regexp.MustCompile(`derived moves\s+[1-9]\d* rows`).MatchString(out.String()) ||
		!regexp.MustCompile(`bridges to curated roles\s+[1-9]\d* rows`).MatchString(out.String()) {
		t.Errorf("derived steps report no edges:\n%s", out.String())
	}
	out.Reset()
	if err := run(ctx, []string{"-onet", "-check", "-ONET_DIR=" + fixture("excel")}, env(nil), &out); err != nil ||
		!strings.Contains(out.String(), "read ") || strings.Contains(out.String(), "imported") {
		t.Errorf("-onet -check: %v\n%s", err, out.String())
	}
}

// A malformed row stops the import before anything is written; -skip-bad-rows imports
// the rest and says how many rows it skipped.
func TestBadONetRows(t *testing.T) {
	st := neo4jtest.Scratch(t)
	ctx := context.Background()
	dir := t.TempDir()
	entries, _ := os.ReadDir(fixture("excel"))
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(fixture("excel"), e.Name()))
		if e.Name() == "Related Occupations.txt" {
			b = []byte(strings.Replace(string(b), "Primary-Short\t1", "Primary-Short\tfirst", 1))
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	err = run(ctx, []string{"-onet", "-ONET_DIR=" + dir}, env(nil), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), `Related Occupations.txt:2: column "Index": "first" is not a number`) {
		t.Fatalf("got %v", err)
	}
	after, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("a failed import wrote:\n%s", diff)
	}
	var out bytes.Buffer
	if err := run(ctx, []string{"-onet", "-ONET_DIR=" + dir, "-skip-bad-rows", "-tables", "occupations,related"}, env(nil), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "skipped 1 malformed rows") {
		t.Errorf("output:\n%s", out.String())
	}
}

// version is the graph's version, the part of the fingerprint only the service's writes move.
func version(t *testing.T, st interface {
	Fingerprint(context.Context) (string, error)
}) string {
	t.Helper()
	fp, err := st.Fingerprint(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return strings.Fields(fp)[0]
}

// The OEWS import publishes the estimates with the version bump; the same data again
// changes nothing; new data replaces the old whole; a bad file or -check writes nothing.
func TestImportOEWS(t *testing.T) {
	st := neo4jtest.Store(t)
	ctx := context.Background()
	sample := filepath.Join(neo4jtest.RepoRoot(), "oews", "testdata")
	importOEWS := func(dir string, extra ...string) (string, error) {
		var out bytes.Buffer
		err := run(ctx, append([]string{"-oews", "-OEWS_DIR=" + dir}, extra...), env(nil), &out)
		return out.String(), err
	}
	median := func() int {
		aw, err := st.ReadAreaWages(ctx, "48")
		if err != nil || aw == nil || aw.BySOC["15-1244"].Median == nil {
			t.Fatalf("Texas wages after the import: %+v %v", aw, err)
		}
		if n := len(aw.BySOC); n != 2 || aw.Area.Name != "Texas" || len(aw.Problems) > 0 {
			t.Errorf("Texas has %d estimates, name %q, problems %v; want 2, Texas, none", n, aw.Area.Name, aw.Problems)
		}
		return *aw.BySOC["15-1244"].Median
	}
	before := version(t, st)
	out, err := importOEWS(sample)
	if err != nil || !strings.Contains(out, "imported release") || !strings.Contains(out, "BLS.gov cannot vouch") {
		t.Fatalf("first import: %v\n%s", err, out)
	}
	first := version(t, st)
	if first == before || median() != 101240 {
		t.Errorf("after the import the version is %s (was %s) and Texas's median %d", first, before, median())
	}
	if out, err := importOEWS(sample); err != nil || !strings.Contains(out, "nothing changed") || version(t, st) != first {
		t.Errorf("second import: %v, version moved %v\n%s", err, version(t, st) != first, out)
	}
	changed := copySample(t, sample, func(s string) string { return strings.Replace(s, "101240", "101300", 1) })
	if _, err := importOEWS(changed); err != nil || median() != 101300 {
		t.Fatalf("a new release: %v, median %d", err, median())
	}
	if all, _, err := st.ReadOccupationWages(ctx, "15-1244"); err != nil || len(all) != 2 {
		t.Errorf("15-1244 has %d estimates after a new release (%v); the old ones must be gone", len(all), err)
	}
	bad := copySample(t, sample, func(s string) string { return strings.Replace(s, "101240", "10x", 1) })
	if _, err := importOEWS(bad); err == nil || !strings.Contains(err.Error(), `column "A_MEDIAN": "10x" is not a number`) {
		t.Errorf("a bad file: %v", err)
	}
	if out, err := importOEWS(sample, "-check"); err != nil || strings.Contains(out, "imported") {
		t.Errorf("-check: %v\n%s", err, out)
	}
	if median() != 101300 {
		t.Error("a rejected file or -check changed the published wages")
	}
}

func copySample(t *testing.T, dir string, edit func(string) string) string {
	t.Helper()
	text, err := os.ReadFile(filepath.Join(dir, "all_data_M_2025.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "all_data_M_2025.txt"), []byte(edit(string(text))), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}
