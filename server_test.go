package main

import (
	"context"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// run starts the whole service from its configuration, serves, and stops cleanly when
// its context ends (as on SIGTERM). Once its snapshot is loaded it sets the Go memory
// limit (internal/memlimit), unless GOMEMLIMIT is set.
func TestRunServesAndShutsDown(t *testing.T) {
	neo4jtest.Store(t)                                              // the curated graph is loaded and the server is ours
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64)) // none, until the service sets one
	env := map[string]string{"ADDR": "127.0.0.1:0", "NEO4J_URI": neo4jtest.URI(), "LOG_LEVEL": "warn"}
	base, _, stop, done := startService(t, env, nil)
	if title, code, err := ask(base); title != "Systems Administrator" {
		t.Errorf("got %q %q %v", title, code, err)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		for deadline := time.Now().Add(10 * time.Second); debug.SetMemoryLimit(-1) == math.MaxInt64; time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("no memory limit set within 10 s of the snapshot's load")
			}
		}
	}
	stop()
	waitStopped(t, done)
}

func TestRunRejectsBadConfig(t *testing.T) {
	env := map[string]string{"NEO4J_URI": "http://example.com", "REQUEST_TIMEOUT": "soon"}
	err := run(context.Background(), nil, func(k string) string { return env[k] }, io.Discard, nil)
	if err == nil || !strings.Contains(err.Error(), "NEO4J_URI") || !strings.Contains(err.Error(), "REQUEST_TIMEOUT") {
		t.Errorf("got %v, want errors naming NEO4J_URI and REQUEST_TIMEOUT", err)
	}
}

// With METRICS_ADDR, /metrics is served there and not on the public listener.
func TestMetricsOnTheirOwnListener(t *testing.T) {
	neo4jtest.Store(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	metricsAddr := l.Addr().String()
	l.Close()
	env := map[string]string{"ADDR": "127.0.0.1:0", "METRICS_ADDR": metricsAddr, "NEO4J_URI": neo4jtest.URI(), "LOG_LEVEL": "warn"}
	base, _, _, _ := startService(t, env, nil)
	if code := status(t, base+"/metrics"); code != http.StatusNotFound {
		t.Errorf("/metrics on the public listener: %d, want 404", code)
	}
	resp, err := http.Get("http://" + metricsAddr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "go_goroutines") {
		t.Errorf("/metrics on METRICS_ADDR: %d", resp.StatusCode)
	}
}
