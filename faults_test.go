package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careergraph/careergraph/internal/faultproxy"
	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// startBehindProxy runs the whole service against the real Neo4j through a fault proxy.
func startBehindProxy(t *testing.T, extra map[string]string) (string, *faultproxy.Proxy, context.CancelFunc, chan error) {
	t.Helper()
	neo4jtest.Store(t) // the lock and the curated graph
	proxy := neo4jtest.Proxy(t)
	env := map[string]string{"ADDR": "127.0.0.1:0", "NEO4J_URI": "bolt://" + proxy.Addr(), "LOG_LEVEL": "error",
		"RATE_LIMIT": "0", "SHUTDOWN_TIMEOUT": "20s"}
	for k, v := range extra {
		env[k] = v
	}
	return startService(t, env, proxy)
}

func startService(t *testing.T, env map[string]string, proxy *faultproxy.Proxy) (string, *faultproxy.Proxy, context.CancelFunc, chan error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan string, 1), make(chan error, 1)
	go func() { done <- run(ctx, nil, func(k string) string { return env[k] }, io.Discard, ready) }()
	select {
	case addr := <-ready:
		t.Cleanup(cancel)
		return "http://" + addr, proxy, cancel, done
	case err := <-done:
		t.Fatalf("service did not start: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("service did not start")
	}
	return "", nil, nil, nil
}

// startFrozen starts the service behind the proxy with the request timeout given, checks
// that it answers, and then freezes Neo4j: every statement hangs until the test ends.
func startFrozen(t *testing.T, timeout string) (string, *faultproxy.Proxy, context.CancelFunc, chan error) {
	t.Helper()
	base, proxy, stop, done := startBehindProxy(t, map[string]string{"REQUEST_TIMEOUT": timeout})
	if _, code, err := ask(base); err != nil || code != "" {
		t.Fatalf("before the hang: code %q, err %v", code, err)
	}
	proxy.Freeze()
	t.Cleanup(proxy.Thaw)
	return base, proxy, stop, done
}

// waitStopped waits for the service to return from run once stopped, without error.
func waitStopped(t *testing.T, done <-chan error) {
	t.Helper()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the service did not exit after draining")
	}
}

// ask posts a query and returns the role title, or the error code.
func ask(base string) (title, code string, err error) {
	resp, err := http.Post(base+"/graphql", "application/json",
		strings.NewReader(`{"query":"{ role(id: \"systems-administrator\") { title } }"}`))
	if err != nil {
		return "", "", err
	}
	defer resp.Body.Close()
	var r struct {
		Data   struct{ Role *struct{ Title string } }
		Errors []struct{ Extensions map[string]any }
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return "", "", err
	}
	if len(r.Errors) > 0 {
		c, _ := r.Errors[0].Extensions["code"].(string)
		return "", c, nil
	}
	if r.Data.Role == nil {
		return "", "NO_DATA", nil
	}
	return r.Data.Role.Title, "", nil
}

func status(t *testing.T, u string) int {
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// Neo4j down when the service starts: it starts anyway, says it is not ready, answers
// UNAVAILABLE, and recovers by itself when Neo4j comes up.
func TestStartsWithoutNeo4jAndRecovers(t *testing.T) {
	proxy := neo4jtest.Proxy(t)
	proxy.Down()
	base, _, _, _ := startService(t, map[string]string{"ADDR": "127.0.0.1:0", "NEO4J_URI": "bolt://" + proxy.Addr(),
		"LOG_LEVEL": "error", "RATE_LIMIT": "0"}, proxy)
	if s := status(t, base+"/healthz"); s != 200 {
		t.Errorf("/healthz = %d", s)
	}
	if s := status(t, base+"/readyz"); s != 503 {
		t.Errorf("/readyz = %d, want 503 while Neo4j is down", s)
	}
	if _, code, err := ask(base); err != nil || code != "UNAVAILABLE" {
		t.Errorf("query while down: %q %v, want UNAVAILABLE", code, err)
	}
	// Only now is the graph read: the test binaries share Neo4j one at a time, and the
	// half minute above needs none of it.
	neo4jtest.Store(t)
	proxy.Up()
	neo4jtest.Eventually(t, 20*time.Second, "ready after Neo4j came up", func() bool { return status(t, base+"/readyz") == 200 })
	if title, code, err := ask(base); title != "Systems Administrator" {
		t.Errorf("after recovery: %q %q %v", title, code, err)
	}
}

// Neo4j stopped and restarted under load: no crash, no wrong answer, errors only while
// it is down, and recovery within seconds. Pooled connections that died with it are not
// handed to requests after it is back.
func TestNeo4jRestartUnderLoad(t *testing.T) {
	base, proxy, _, _ := startBehindProxy(t, nil)
	var tally outcomes
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tally.ask(t, base, stop)
		}()
	}
	neo4jtest.Eventually(t, 15*time.Second, "answers before the outage", func() bool { return tally.ok.Load() > 0 })
	proxy.Down()
	downAt := time.Now()
	neo4jtest.Eventually(t, 15*time.Second, "the outage", func() bool { return tally.failed.Load()+tally.stalled.Load() > 0 })
	proxy.Up()
	upAt := time.Now()
	neo4jtest.Eventually(t, 15*time.Second, "an answer asked after Neo4j came back", func() bool {
		return time.Unix(0, tally.lastOK.Load()).After(upAt)
	})
	answered := tally.ok.Load()
	neo4jtest.Eventually(t, 15*time.Second, "20 more answers", func() bool { return tally.ok.Load() >= answered+20 })
	close(stop)
	wg.Wait()
	ok, failed, wrong, stalled := &tally.ok, &tally.failed, &tally.wrong, &tally.stalled
	if wrong.Load() > 0 {
		t.Errorf("%d wrong answers", wrong.Load())
	}
	// While Neo4j is away a request either fails with UNAVAILABLE or waits while the
	// driver retries (up to 5 s) and then succeeds; either way the outage shows.
	if ok.Load() == 0 || failed.Load()+stalled.Load() == 0 {
		t.Errorf("%d answers, %d failures, %d stalled; the outage was not observed", ok.Load(), failed.Load(), stalled.Load())
	}
	if last := time.Unix(0, tally.lastFailure.Load()); last.After(upAt.Add(5 * time.Second)) {
		t.Errorf("still failing %s after Neo4j came back", last.Sub(upAt))
	}
	t.Logf("%d answers, %d failures, %d stalled; down %s", ok.Load(), failed.Load(), stalled.Load(), upAt.Sub(downAt))
	// Right after a restart, the pool's dead connections must not fail a request.
	proxy.Down()
	proxy.Up()
	if title, code, err := ask(base); title != "Systems Administrator" {
		t.Errorf("first query after a restart: %q %q %v", title, code, err)
	}
}

// outcomes counts the answers a load of requests got.
type outcomes struct {
	ok, failed, wrong, stalled atomic.Int64
	lastFailure                atomic.Int64 // when the last failure came, in Unix nanoseconds
	lastOK                     atomic.Int64 // when the last answered request was asked
}

// ask asks base for a role over and over until stop is closed, counting the outcomes.
func (o *outcomes) ask(t *testing.T, base string, stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		asked := time.Now()
		title, code, err := ask(base)
		if time.Since(asked) > time.Second {
			o.stalled.Add(1) // held while the driver retried through the outage
		}
		switch {
		case err != nil:
			t.Errorf("transport error (did the service crash?): %v", err)
			return
		case code == "UNAVAILABLE" || code == "TIMEOUT":
			o.failed.Add(1)
			o.lastFailure.Store(time.Now().UnixNano())
		case title == "Systems Administrator":
			o.ok.Add(1)
			o.lastOK.Store(asked.UnixNano())
		default:
			o.wrong.Add(1)
		}
	}
}

// A request whose Neo4j statement hangs ends at the request's deadline with a TIMEOUT
// error, and SIGTERM lets that in-flight request finish before the service exits.
func TestTimeoutAndGracefulShutdown(t *testing.T) {
	base, proxy, stopService, done := startFrozen(t, "1500ms")
	type answer struct {
		code string
		err  error
		took time.Duration
	}
	answered := make(chan answer, 1)
	go func() {
		start := time.Now()
		_, code, err := ask(base)
		answered <- answer{code: code, err: err, took: time.Since(start)}
	}()
	neo4jtest.Eventually(t, 15*time.Second, "the request to wait on Neo4j", func() bool { return proxy.Held() > 0 })
	stopService() // what SIGTERM does
	a := <-answered
	if a.err != nil || a.code != "TIMEOUT" {
		t.Errorf("in-flight request on a hung Neo4j: code %q, err %v; want a TIMEOUT answer delivered", a.code, a.err)
	}
	if a.took > 10*time.Second {
		t.Errorf("the deadline took %s to stop the request", a.took)
	}
	waitStopped(t, done)
}

// When the client goes away, the request's context ends and so does its wait on Neo4j:
// the operation finishes long before the request's deadline would stop it.
func TestClientGoneCancelsTheQuery(t *testing.T) {
	base, _, _, _ := startFrozen(t, "60s")
	client := &http.Client{Timeout: 300 * time.Millisecond}
	start := time.Now()
	_, err := client.Post(base+"/graphql", "application/json", strings.NewReader(
		`{"query":"query Hung { role(id: \"systems-administrator\") { title } }"}`))
	if err == nil {
		t.Fatal("the request answered while Neo4j was hung")
	}
	neo4jtest.Eventually(t, 15*time.Second, "the abandoned request to stop", func() bool {
		resp, err := http.Get(base + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return strings.Contains(string(body), `careergraph_graphql_duration_seconds_count{operation="Hung"} 1`)
	})
	t.Logf("the abandoned request stopped %s after it started", time.Since(start).Round(time.Millisecond))
}

// A client that sends its headers and then trickles its body cannot hold a connection
// past the request's deadline.
func TestSlowBodiesAreCutOff(t *testing.T) {
	base, _, _, _ := startBehindProxy(t, map[string]string{"REQUEST_TIMEOUT": "1s"})
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"query\":")
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(15 * time.Second))
	io.Copy(io.Discard, conn) // until the server answers and closes, or gives up on us
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the server held a trickling client for %s", took)
	}
}
