// Package neo4jtest connects integration tests to the real Neo4j that `make test`
// starts (or to NEO4J_URI). Community edition has one user database and `go test` runs
// packages in parallel, so a test takes an exclusive lock on that server from its first
// call to Store until it ends, and finds the curated dataset there: the graph is reset
// when anything was committed since the last reset. With CI=true a test that cannot
// reach Neo4j fails; elsewhere it is skipped with the reason.
package neo4jtest

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/faultproxy"
	"github.com/careergraph/careergraph/internal/safe"
	"github.com/careergraph/careergraph/oews"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/store"
)

var (
	once    sync.Once
	shared  *store.Store
	openErr error

	lock *serverLock // the test Neo4j's; it records the graph's fingerprint after the last reset
)

// Store returns the shared store, connected and loaded with the curated dataset, and
// holds the lock on the server until t ends.
func Store(t testing.TB) *store.Store {
	t.Helper()
	once.Do(func() { shared, openErr = open() })
	err := openErr
	if err == nil {
		err = hold(t)
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("neo4j is required in CI: %v", err)
		}
		t.Skipf("no neo4j (start one with `make neo4j`): %v", err)
	}
	return shared
}

// hold takes the lock for t unless a test of this binary holds it already (t's parent,
// or an earlier call in t), and releases it when the last holder ends. The first holder
// resets the graph unless nothing was committed since the last reset.
func hold(t testing.TB) error {
	if fuzzWorker() {
		return nil // the coordinating process holds the lock and loaded the graph
	}
	return lock.hold(t, t.Name(), func() error { return ensureCurated(context.Background()) })
}

// logHeld appends how long a test held the lock to the file NEO4JTEST_LOCK_LOG names, if
// any: `sort -k3 -n` on it shows which tests keep the others waiting.
func logHeld(test string, held time.Duration) {
	path := os.Getenv("NEO4JTEST_LOCK_LOG")
	if path == "" {
		return
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	pkg := filepath.Base(os.Args[0])
	fmt.Fprintf(f, "%s %s %.2f\n", strings.TrimSuffix(pkg, ".test"), test, held.Seconds())
}

// ensureCurated resets the graph to the curated dataset unless its fingerprint is the one
// recorded after the last reset (nothing was committed since).
func ensureCurated(ctx context.Context) error {
	fp, err := shared.Fingerprint(ctx)
	if err != nil {
		return err
	}
	if fp != "" && lock.recorded() == fp {
		return nil
	}
	return ResetCurated(ctx, shared)
}

// record writes the graph's fingerprint into the lock file, after a reset.
func record(ctx context.Context, st *store.Store) error {
	if lock == nil || st != shared {
		return nil
	}
	fp, err := st.Fingerprint(ctx)
	if err == nil {
		err = lock.record(fp)
	}
	return err
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
// a replica in a cluster deployment would, holding the lock as Store does; it is closed
// when the test ends.
func Routed(t testing.TB) *store.Store {
	t.Helper()
	Store(t)
	return OpenAt(t, Routing(URI()))
}

// Routing is uri with the neo4j:// routing scheme instead of bolt://.
func Routing(uri string) string { return strings.Replace(uri, "bolt://", "neo4j://", 1) }

// OpenAt opens a store on uri with the test Neo4j's credentials (a proxy's address, say),
// closed when the test ends. It takes no lock: the caller holds it (Store) when it reads.
func OpenAt(t testing.TB, uri string) *store.Store {
	t.Helper()
	st, err := openAt(uri)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close(context.Background()) })
	return st
}

// Proxy starts a fault proxy in front of the test Neo4j, closed when the test ends. It
// takes no lock either: a test may run with Neo4j out of reach before it needs the graph.
func Proxy(t testing.TB) *faultproxy.Proxy {
	t.Helper()
	u, err := url.Parse(URI())
	if err != nil {
		t.Fatal(err)
	}
	proxy, err := faultproxy.Start(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = proxy.Close() })
	return proxy
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
		return st, nil
	}
	if lock, err = openLock(URI()); err != nil {
		return nil, err
	}
	return st, nil
}

// Driver is a driver straight to the test Neo4j, bypassing the store, as an operator or
// an ETL job would write; it is closed when the test ends.
func Driver(t testing.TB) neo4j.DriverWithContext {
	t.Helper()
	d, err := newDriver()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Close(context.Background()) })
	return d
}

// Cypher runs a statement straight against the test Neo4j (see Driver): nothing but the
// database knows of it.
func Cypher(t testing.TB, stmt string, params map[string]any) {
	t.Helper()
	CypherAt(t, URI(), stmt, params)
}

// CypherAt is Cypher against the Neo4j at uri (FullURI, say).
func CypherAt(t testing.TB, uri, stmt string, params map[string]any) {
	t.Helper()
	ctx := context.Background()
	d, err := newDriverAt(uri)
	if err == nil {
		defer d.Close(ctx)
		_, err = neo4j.ExecuteQuery(ctx, d, stmt, params, neo4j.EagerResultTransformer)
	}
	if err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
}

func newDriver() (neo4j.DriverWithContext, error) { return newDriverAt(URI()) }

func newDriverAt(uri string) (neo4j.DriverWithContext, error) {
	auth := neo4j.NoAuth()
	if u := os.Getenv("NEO4J_USER"); u != "" {
		auth = neo4j.BasicAuth(u, os.Getenv("NEO4J_PASSWORD"), "")
	}
	return neo4j.NewDriverWithContext(uri, auth)
}

// fuzzWorker reports whether this process is a worker of `go test -fuzz`, started by a
// coordinating test process that already holds the lock.
func fuzzWorker() bool {
	f := flag.Lookup("test.fuzzworker")
	return f != nil && f.Value.String() == "true"
}

// ResetCurated wipes the career graph and imports the curated dataset.
func ResetCurated(ctx context.Context, st *store.Store) error {
	ds, err := curated()
	if err != nil {
		return err
	}
	if err := Reset(ctx, st, ds); err != nil {
		return err
	}
	return record(ctx, st)
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
	ImportONetData(t, st, ReadONet(t, dir))
}

// ReadONet reads the O*NET copy in dir, as a test can before it takes the lock.
func ReadONet(t testing.TB, dir string) *onet.Data {
	t.Helper()
	d, err := onet.Read(onet.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// ImportONetData is ImportONet over O*NET data read beforehand.
func ImportONetData(t testing.TB, st *store.Store, d *onet.Data) {
	t.Helper()
	ctx := context.Background()
	t.Cleanup(func() { _ = ResetCurated(ctx, st) })
	if err := st.ImportONet(ctx, d, func(string, int, time.Duration) {}); err != nil {
		t.Fatal(err)
	}
}

// ImportOEWS imports the OEWS estimates in dir (a folder or its all-data file); the
// graph goes back to the curated one when the test ends.
func ImportOEWS(t testing.TB, st *store.Store, dir string) {
	t.Helper()
	ImportOEWSData(t, st, ReadOEWS(t, dir))
}

// ReadOEWS reads the OEWS estimates in dir, as a test can before it takes the lock.
func ReadOEWS(t testing.TB, dir string) *oews.Data {
	t.Helper()
	d, err := oews.Read(oews.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// ImportOEWSData is ImportOEWS over estimates read beforehand.
func ImportOEWSData(t testing.TB, st *store.Store, d *oews.Data) {
	t.Helper()
	ctx := context.Background()
	t.Cleanup(func() { _ = ResetCurated(ctx, st) })
	if err := st.ImportOEWS(ctx, d, func(string, int, time.Duration) {}); err != nil && !errors.Is(err, store.ErrUnchanged) {
		t.Fatal(err)
	}
}

// ImportFullData imports O*NET's and OEWS's data side by side (they write different
// nodes, and each its own transactions); the graph goes back to the curated one when the
// test ends.
func ImportFullData(t testing.TB, st *store.Store, occupations *onet.Data, wages *oews.Data) {
	t.Helper()
	ctx := context.Background()
	t.Cleanup(func() { _ = ResetCurated(ctx, st) })
	if err := importBoth(ctx, st, occupations, wages); err != nil {
		t.Fatal(err)
	}
}

// importBoth imports O*NET's and OEWS's data into st side by side.
func importBoth(ctx context.Context, st *store.Store, occupations *onet.Data, wages *oews.Data) error {
	errs := make([]error, 2)
	safe.Parallel(func() {
		errs[0] = st.ImportONet(ctx, occupations, func(string, int, time.Duration) {})
	}, func() {
		if err := st.ImportOEWS(ctx, wages, func(string, int, time.Duration) {}); !errors.Is(err, store.ErrUnchanged) {
			errs[1] = err
		}
	})
	return errors.Join(errs...)
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
