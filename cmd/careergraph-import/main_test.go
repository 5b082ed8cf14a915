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
