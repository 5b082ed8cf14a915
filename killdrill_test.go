//go:build killdrill

package main

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// The kill drill (`make kill-drill`; built only with the killdrill tag, so never part of
// `make test`, since it kills the local Neo4j):
// under load, Neo4j is killed with SIGKILL and started again, and the service answers
// correctly within 5 s of Bolt answering again, with no crash and no wrong answer.
func TestAnswersWithin5sOfNeo4jComingBackAfterSIGKILL(t *testing.T) {
	neo4jtest.Store(t) // the lock and the curated graph
	raw, err := os.ReadFile(".state/neo4j.pid")
	if err != nil {
		t.Fatalf("the drill kills the local Neo4j that `make neo4j` starts: %v", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	base, _, _, _ := startService(t, map[string]string{"ADDR": "127.0.0.1:0", "NEO4J_URI": neo4jtest.URI(),
		"LOG_LEVEL": "error", "RATE_LIMIT": "0"}, nil)
	var tally outcomes
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() { tally.ask(t, base, stop) })
	}
	neo4jtest.Eventually(t, 15*time.Second, "answers before the kill", func() bool { return tally.ok.Load() > 0 })
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	neo4jtest.Eventually(t, 30*time.Second, "Neo4j's process gone", func() bool { return syscall.Kill(pid, 0) != nil })
	neo4jtest.Eventually(t, 15*time.Second, "the outage", func() bool { return tally.failed.Load()+tally.stalled.Load() > 0 })
	if out, err := exec.Command("neo4j/neo4jctl", "start").CombinedOutput(); err != nil {
		t.Fatalf("restarting Neo4j: %v: %s", err, out)
	}
	upAt := time.Now() // neo4jctl returns once Bolt answers
	took := neo4jtest.Eventually(t, 15*time.Second, "a right answer asked after Neo4j came back", func() bool {
		return time.Unix(0, tally.lastOK.Load()).After(upAt)
	})
	time.Sleep(5 * time.Second)
	close(stop)
	wg.Wait()
	if tally.wrong.Load() > 0 {
		t.Errorf("%d wrong answers", tally.wrong.Load())
	}
	last := time.Unix(0, tally.lastFailure.Load()).Sub(upAt)
	if took > 5*time.Second || last > 5*time.Second {
		t.Errorf("first right answer %s and last failure %s after Neo4j came back; want both within 5 s", took, last)
	}
	t.Logf("Neo4j back: first right answer after %s, last failure %s after; %d answers, %d failures, %d stalled",
		took.Round(time.Millisecond), last.Round(time.Millisecond), tally.ok.Load(), tally.failed.Load(), tally.stalled.Load())
}
