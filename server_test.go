package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// run starts the whole service from its configuration, serves, and stops cleanly when
// its context ends (as on SIGTERM).
func TestRunServesAndShutsDown(t *testing.T) {
	neo4jtest.Store(t) // the curated graph is loaded and the server is ours
	env := map[string]string{"ADDR": "127.0.0.1:0", "NEO4J_URI": neo4jtest.URI(), "LOG_LEVEL": "warn"}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil, func(k string) string { return env[k] }, io.Discard, ready) }()

	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("run returned early: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("server did not start")
	}
	resp, err := http.Post("http://"+addr+"/graphql", "application/json",
		strings.NewReader(`{"query":"{ role(id: \"systems-administrator\") { title } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "Systems Administrator") {
		t.Errorf("got %s", body)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("server did not shut down")
	}
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
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("/metrics on the public listener: %d, want 404", resp.StatusCode)
	}
	resp, err = http.Get("http://" + metricsAddr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "go_goroutines") {
		t.Errorf("/metrics on METRICS_ADDR: %d", resp.StatusCode)
	}
}
