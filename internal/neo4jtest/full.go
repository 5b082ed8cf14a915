package neo4jtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/internal/safe"
	"github.com/careergraph/careergraph/store"
)

// The full data (the curated dataset, the whole O*NET copy and the OEWS wages in
// ../shared) is for the tests that need the real data's size. `make test` starts a second
// local Neo4j for it (neo4jctl start full), whose data is a cache outside the clone: the
// first test that asks imports the data there, and the others, in this run and later ones
// from any clone, find it in place as long as neither the importer nor the data changed. A test holds that server's own lock while it uses
// the graph, so the two servers serve tests side by side. A test that changes the graph
// undoes the change and calls Restored; otherwise the next test imports the data again.
// Without the second server (NEO4J_URI set and NEO4J_FULL_URI not), Full imports the data
// into the test Neo4j and resets it to the curated dataset when the test ends.

var (
	fullOnce sync.Once
	full     *store.Store
	fullErr  error
	fullLock *serverLock // the full-data server's; it records the import (see recordFull)
)

// FullURI is the Neo4j holding the full data: NEO4J_FULL_URI, else NEO4J_URI when that is
// set, else the second local server.
func FullURI() string {
	if u := os.Getenv("NEO4J_FULL_URI"); u != "" {
		return u
	}
	if u := os.Getenv("NEO4J_URI"); u != "" {
		return u
	}
	return "bolt://127.0.0.1:7688"
}

// Full returns a store on the full data, holding that server's lock until t ends.
func Full(t testing.TB) *store.Store {
	t.Helper()
	dirs := []string{Shared(t, "data/onet-29.3"), Shared(t, "data/oews-2025")}
	if FullURI() == URI() {
		occupations, wages := ReadONet(t, dirs[0]), ReadOEWS(t, dirs[1])
		st := Store(t)
		ImportFullData(t, st, occupations, wages)
		return st
	}
	fullOnce.Do(func() { full, fullErr = openFull() })
	err := fullErr
	if err == nil {
		err = holdFull(t, dirs)
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the full-data Neo4j is required in CI: %v", err)
		}
		t.Skipf("no full-data Neo4j (start one with `neo4j/neo4jctl start full`): %v", err)
	}
	return full
}

// Restored is for a test that changed the full-data graph and undid its change: it fails
// the test unless the graph holds as many nodes of each label and edges of each type as
// imported, and records the graph as it is now as the imported data, so that the next
// test finds it in place. Without the second server it does nothing: the graph is reset
// when the test ends.
func Restored(t testing.TB) {
	t.Helper()
	if FullURI() == URI() {
		return
	}
	ctx := context.Background()
	now, err := census(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if now != fullCensus {
		t.Fatalf("the full-data graph is not as imported:\n%s\nwant\n%s", now, fullCensus)
	}
	if err := recordFull(ctx); err != nil {
		t.Fatal(err)
	}
}

// census counts the full-data graph's nodes by label and edges by type, one "kind count"
// a line.
func census(ctx context.Context) (string, error) {
	d, err := newDriverAt(FullURI())
	if err != nil {
		return "", err
	}
	defer d.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, d, `
		CALL () { MATCH (n) UNWIND labels(n) AS kind RETURN kind, count(*) AS n
		          UNION ALL MATCH ()-[r]->() RETURN type(r) AS kind, count(*) AS n }
		RETURN kind, n ORDER BY kind`, nil, neo4j.EagerResultTransformer)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, r := range res.Records {
		fmt.Fprintf(&b, "%v %v\n", r.Values[0], r.Values[1])
	}
	return b.String(), nil
}

func openFull() (*store.Store, error) {
	st, err := openAt(FullURI())
	if err != nil {
		return nil, err
	}
	// The server may still be starting: `make test` starts it without waiting.
	if err = st.WaitReady(context.Background(), 4*time.Minute); err != nil {
		return nil, fmt.Errorf("%s does not answer (`neo4j/neo4jctl status full` says where its log is): %w", FullURI(), err)
	}
	if fullLock, err = openLock(FullURI()); err != nil {
		return nil, err
	}
	return st, nil
}

// holdFull takes the full-data server's lock for t (see serverLock.hold) and imports the
// data unless the graph is the one recorded after the last import.
func holdFull(t testing.TB, dirs []string) error {
	return fullLock.hold(t, t.Name()+"(full)", func() error { return ensureFull(t, dirs) })
}

// ensureFull imports the full data unless the lock file records the graph's fingerprint
// with the import key of today's importer and data.
func ensureFull(t testing.TB, dirs []string) error {
	ctx := context.Background()
	key, err := importKey(dirs)
	if err != nil {
		return err
	}
	fp, err := full.Fingerprint(ctx)
	if err != nil {
		return err
	}
	fullKey = key
	state, counts, _ := strings.Cut(fullLock.recorded(), "\n")
	if fp != "" && state == key+" "+fp {
		fullCensus = counts
		return nil
	}
	ds, err := curated()
	if err == nil {
		err = Reset(ctx, full, ds)
	}
	if err == nil {
		err = importCommand(t, dirs)
	}
	if err == nil {
		fullCensus, err = census(ctx)
	}
	if err == nil {
		err = recordFull(ctx)
	}
	return err
}

// importCommand imports O*NET's and OEWS's data into the full-data server side by side
// with careergraph-import, as `make onet` and `make oews` do. Built apart from this test
// binary, the importer runs without the race detector, which would slow it more than
// twofold.
func importCommand(t testing.TB, dirs []string) error {
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "careergraph-import")
	build := exec.Command(goTool, "build", "-o", bin, "./cmd/careergraph-import")
	build.Dir = RepoRoot()
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building careergraph-import: %w\n%s", err, out)
	}
	errs := make([]error, 2)
	run := func(i int, args ...string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "NEO4J_URI="+FullURI())
		if out, err := cmd.CombinedOutput(); err != nil {
			errs[i] = fmt.Errorf("careergraph-import %s: %w\n%s", strings.Join(args, " "), err, out)
		}
	}
	safe.Parallel(func() { run(0, "-onet", "-ONET_DIR="+dirs[0]) }, func() { run(1, "-oews", "-OEWS_DIR="+dirs[1]) })
	return errors.Join(errs...)
}

// fullKey and fullCensus are the import key and the census of the full-data graph as this
// binary found or imported it.
var fullKey, fullCensus string

// recordFull writes the import key, the full-data graph's fingerprint and its census into
// the server's lock file.
func recordFull(ctx context.Context) error {
	fp, err := full.Fingerprint(ctx)
	if err == nil {
		err = fullLock.record(fullKey + " " + fp + "\n" + fullCensus)
	}
	return err
}

// importKey sums what decides the imported graph: the importer's code (the command's
// included) and statements, the curated dataset, and the data files' names, sizes and times.
func importKey(dirs []string) (string, error) {
	h := sha256.New()
	for _, pkg := range []string{"store", "store/cypher", "onet", "oews", "dataset", "domain", "cmd/careergraph-import", "config", "internal/cli"} {
		entries, err := os.ReadDir(filepath.Join(RepoRoot(), pkg))
		if err != nil {
			return "", err
		}
		for _, e := range entries {
			if e.IsDir() || strings.HasSuffix(e.Name(), "_test.go") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(RepoRoot(), pkg, e.Name()))
			if err != nil {
				return "", err
			}
			fmt.Fprintf(h, "%s/%s %d\n", pkg, e.Name(), len(b))
			h.Write(b)
		}
	}
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			info, err := d.Info()
			rel, _ := filepath.Rel(dir, path)
			if err == nil {
				fmt.Fprintf(h, "%s %d %d\n", rel, info.Size(), info.ModTime().UnixNano())
			}
			return err
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:12]), nil
}
