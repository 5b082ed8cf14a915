// Package neo4jtest connects integration tests to the real Neo4j that `make test`
// starts (or to NEO4J_URI). Community edition has one user database and `go test` runs
// packages in parallel, so every test package takes an exclusive lock on that server for
// its whole run and starts from the curated dataset. With CI=true a test that cannot
// reach Neo4j fails; elsewhere it is skipped with the reason.
package neo4jtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/oews"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/store"
)

var (
	once    sync.Once
	shared  *store.Store
	openErr error
	// lockFile holds the lock for the life of the test binary; it must stay reachable,
	// or the garbage collector closes it and releases the lock.
	lockFile *os.File
)

// Store returns the package's store, connected, locked for this test binary and loaded
// with the curated dataset.
func Store(t testing.TB) *store.Store {
	t.Helper()
	once.Do(func() { shared, openErr = open() })
	if openErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("neo4j is required in CI: %v", openErr)
		}
		t.Skipf("no neo4j (start one with `make neo4j`): %v", openErr)
	}
	return shared
}

// URI is the Neo4j the tests use.
func URI() string {
	if u := os.Getenv("NEO4J_URI"); u != "" {
		return u
	}
	return "bolt://127.0.0.1:7687"
}

// openAt opens a store on the test Neo4j at uri, with the credentials in the environment.
func openAt(uri string) (*store.Store, error) {
	return store.Open(store.Config{URI: uri, User: os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")})
}

// Routed opens a second store on the test Neo4j through the neo4j:// routing scheme, as
// a replica in a cluster deployment would; it is closed when the test ends.
func Routed(t testing.TB) *store.Store {
	t.Helper()
	st, err := openAt(strings.Replace(URI(), "bolt://", "neo4j://", 1))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close(context.Background()) })
	return st
}

func open() (*store.Store, error) {
	st, err := openAt(URI())
	if err != nil {
		return nil, err
	}
	if err = st.WaitReady(context.Background(), 60*time.Second); err != nil {
		return nil, fmt.Errorf("%s does not answer: %w", URI(), err)
	}
	if fuzzWorker() {
		return st, nil // the coordinating process holds the lock and loaded the graph
	}
	if err := lock(); err != nil {
		return nil, err
	}
	if err := ResetCurated(context.Background(), st); err != nil {
		return nil, err
	}
	return st, nil
}

// fuzzWorker reports whether this process is a worker of `go test -fuzz`, started by a
// coordinating test process that already holds the lock.
func fuzzWorker() bool {
	f := flag.Lookup("test.fuzzworker")
	return f != nil && f.Value.String() == "true"
}

// lock takes an exclusive lock shared by every test binary using the same server. It is
// released when the process exits.
func lock() error {
	sum := sha256.Sum256([]byte(URI()))
	path := filepath.Join(os.TempDir(), "careergraph-neo4j-"+hex.EncodeToString(sum[:6])+".lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return fmt.Errorf("test lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		return fmt.Errorf("test lock: %w", err)
	}
	lockFile = f
	return nil
}

// ResetCurated wipes the career graph and imports the curated dataset.
func ResetCurated(ctx context.Context, st *store.Store) error {
	ds, err := curated()
	if err != nil {
		return err
	}
	return Reset(ctx, st, ds)
}

// Reset wipes the career graph and imports ds.
func Reset(ctx context.Context, st *store.Store, ds *domain.Dataset) error {
	if err := st.Wipe(ctx); err != nil {
		return fmt.Errorf("wipe: %w", err)
	}
	return st.Import(ctx, ds)
}

// curated loads the curated dataset from the repository.
func curated() (*domain.Dataset, error) {
	return dataset.Load(filepath.Join(RepoRoot(), dataset.DefaultPath))
}

// Curated returns the curated dataset, a fresh copy the test may change.
func Curated(t testing.TB) *domain.Dataset {
	t.Helper()
	ds, err := curated()
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// RepoRoot is the repository's top folder.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Shared returns the path of a file in ../shared, failing in CI when it is missing and
// skipping elsewhere.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	path := filepath.Join(RepoRoot(), "..", "shared", rel)
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("../shared is required in CI: %v", err)
		}
		t.Skipf("../shared is missing: %v", err)
	}
	return path
}

// ONetFixture is the small O*NET copy (Excel edition) kept in onet/testdata.
func ONetFixture() string { return filepath.Join(RepoRoot(), "onet", "testdata", "excel") }

// ImportONet imports the O*NET copy in dir into st; when the test ends, the graph is the
// curated dataset alone again.
func ImportONet(t testing.TB, st *store.Store, dir string) {
	t.Helper()
	ctx := context.Background()
	t.Cleanup(func() { _ = ResetCurated(ctx, st) })
	d, err := onet.Read(onet.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.ImportONet(ctx, d, func(string, int, time.Duration) {}); err != nil {
		t.Fatal(err)
	}
}

// ImportOEWS imports the OEWS estimates in dir (a folder or its all-data file); the
// graph goes back to the curated one when the test ends.
func ImportOEWS(t testing.TB, st *store.Store, dir string) {
	t.Helper()
	ctx := context.Background()
	t.Cleanup(func() { _ = ResetCurated(ctx, st) })
	d, err := oews.Read(oews.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.ImportOEWS(ctx, d, func(string, int, time.Duration) {}); err != nil && !errors.Is(err, store.ErrUnchanged) {
		t.Fatal(err)
	}
}

// Scratch is Store for a test that changes the graph: the curated graph alone is
// restored when the test ends.
func Scratch(t testing.TB) *store.Store {
	st := Store(t)
	t.Cleanup(func() { _ = ResetCurated(context.Background(), st) })
	return st
}

// Eventually polls cond until it holds, failing the test when within passes first; it
// returns how long it took.
func Eventually(t testing.TB, within time.Duration, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > within {
			t.Fatalf("%s: not seen within %s", what, within)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return time.Since(start)
}
