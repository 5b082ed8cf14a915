package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

func env(k string) string {
	if k == "NEO4J_URI" {
		return neo4jtest.URI()
	}
	return ""
}

func fixture(edition string) string {
	return filepath.Join(neo4jtest.RepoRoot(), "onet", "testdata", edition)
}

func TestImportAndReport(t *testing.T) {
	neo4jtest.Scratch(t)
	ctx := context.Background()
	var out bytes.Buffer
	if err := run(ctx, []string{"-ONET_DIR=" + fixture("text")}, env, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ratings", "rows/s", "imported 4 occupations", "CC BY 4.0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// A malformed row stops the import before anything is written; -skip-bad-rows imports
// the rest and says how many rows it skipped.
func TestBadRows(t *testing.T) {
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
	err = run(ctx, []string{"-ONET_DIR=" + dir}, env, &bytes.Buffer{})
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
	if err := run(ctx, []string{"-ONET_DIR=" + dir, "-skip-bad-rows", "-tables", "occupations,related"}, env, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "skipped 1 malformed rows") {
		t.Errorf("output:\n%s", out.String())
	}
}
