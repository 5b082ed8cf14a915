package neo4jtest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The full-data graph holds O*NET beside the curated roles; a change not undone shows in
// the census Restored checks, and once undone the graph is recorded for the next holder.
func TestFullDataIsKeptAndChecked(t *testing.T) {
	st := Full(t)
	ctx := context.Background()
	roles, err := st.RolesByIDs(ctx, []string{"onet-15-1244-00", "help-desk-technician"})
	if err != nil || len(roles) != 2 {
		t.Fatalf("full data: %d of O*NET's 15-1244.00 and the curated help desk role, %v", len(roles), err)
	}
	if FullURI() == URI() { // only with NEO4J_URI set: `make test` always starts the second server
		t.Skip("one server: the full data is imported for each test and reset after it")
	}
	imported := fullCensus
	CypherAt(t, FullURI(), `CREATE (:Role {id: 'census-check'})`, nil)
	if now, err := census(ctx); err != nil || now == imported {
		t.Errorf("a new role leaves the census as imported (%v):\n%s", err, now)
	}
	CypherAt(t, FullURI(), `MATCH (r:Role {id: 'census-check'}) DELETE r`, nil)
	Restored(t)
	fp, err := st.Fingerprint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if recorded, want := fullLock.recorded(), fullKey+" "+fp+"\n"+imported; recorded != want {
		t.Errorf("lock file holds %q; want %q", recorded, want)
	}
}

// The import key changes with a data file, and not without one.
func TestImportKeyFollowsTheData(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "Occupation Data.txt")
	if err := os.WriteFile(file, []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	first, err := importKey([]string{dir})
	again, _ := importKey([]string{dir})
	if err != nil || first != again || strings.TrimSpace(first) == "" {
		t.Fatalf("key %q then %q, %v", first, again, err)
	}
	if err := os.WriteFile(file, []byte("ab"), 0o644); err != nil {
		t.Fatal(err)
	}
	if changed, _ := importKey([]string{dir}); changed == first {
		t.Error("a changed data file leaves the import key as it was")
	}
}
