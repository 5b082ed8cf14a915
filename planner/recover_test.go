package planner_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/safe"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

// scriptedStore answers the planner's two reads as a test says: its fingerprint, and a
// graph, an error or a panic for the full read.
type scriptedStore struct {
	mu          sync.Mutex
	fingerprint string
	read        func() (*store.PlannerGraph, error)
}

func (s *scriptedStore) set(fp string, read func() (*store.PlannerGraph, error)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fingerprint, s.read = fp, read
}

func (s *scriptedStore) State(context.Context) (store.GraphState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return store.GraphState{Fingerprint: s.fingerprint, Version: s.fingerprint}, nil
}

func (s *scriptedStore) ReadPlannerRoles(context.Context, *store.PlannerGraph, store.Change) (*store.PlannerGraph, error) {
	panic("scriptedStore records no changes, so the planner never patches")
}

func (s *scriptedStore) ReadPlannerGraph(context.Context, *store.PlannerGraph) (*store.PlannerGraph, error) {
	s.mu.Lock()
	read := s.read
	s.mu.Unlock()
	return read()
}

// tinyGraph is a graph of one role, with one rejected record.
func tinyGraph() func() (*store.PlannerGraph, error) {
	return func() (*store.PlannerGraph, error) {
		role := domain.Role{ID: "solo", Title: "Solo", Track: "GENERAL", Level: "MID"}
		return &store.PlannerGraph{Candidates: []store.Candidate{{Role: role}},
			SkillNames: map[string]string{}, Degrees: map[string]int{},
			Problems: []domain.Problem{{Kind: domain.RecordRole, From: "bad", Property: "title", Reason: domain.ReasonMissing}}}, nil
	}
}

func panics() (*store.PlannerGraph, error) { panic("index out of range [7] with length 7") }

// A panic while the first snapshot is built does not end the process: Ping says why
// there is no snapshot, the panic is counted, and the next load that works makes the
// planner ready.
func TestPanicBeforeFirstSnapshotIsRecovered(t *testing.T) {
	st := &scriptedStore{}
	st.set("1", panics)
	p := planner.New(st, planner.Options{Log: zerolog.New(zerolog.NewTestWriter(t))})
	defer p.Close()
	before := safe.Panics()["planner.load"]
	err := p.Ping(context.Background())
	if !errors.Is(err, planner.ErrNoSnapshot) || !strings.Contains(err.Error(), "panic") {
		t.Fatalf("Ping = %v; want ErrNoSnapshot naming the panic", err)
	}
	if safe.Panics()["planner.load"] != before+1 {
		t.Error("the panic was not counted")
	}
	st.set("1", tinyGraph())
	if err := p.Ping(context.Background()); err != nil {
		t.Fatalf("Ping after a good load = %v", err)
	}
}

// A snapshot that fails to build, by error or panic, does not replace a good one: the
// planner keeps answering from the last good snapshot, and Refresh reports the failure.
func TestFailedRefreshKeepsTheGoodSnapshot(t *testing.T) {
	st := &scriptedStore{}
	st.set("1", tinyGraph())
	var reported [][]domain.Problem
	p := planner.New(st, planner.Options{Log: zerolog.New(zerolog.NewTestWriter(t)),
		OnSnapshot: func(pr []domain.Problem) { reported = append(reported, pr) }})
	defer p.Close()
	ctx := context.Background()
	if got, err := p.Problems(ctx); err != nil || len(got) != 1 {
		t.Fatalf("Problems = %v, %v; want the one problem of the graph", got, err)
	}
	for _, read := range []func() (*store.PlannerGraph, error){panics, func() (*store.PlannerGraph, error) { return nil, store.ErrUnavailable }} {
		st.set("2", read)
		if err := p.Refresh(ctx); err == nil {
			t.Error("Refresh over a failing read reported no error")
		}
		if err := p.Ping(ctx); err != nil {
			t.Errorf("Ping after a failed refresh = %v; the good snapshot is still at hand", err)
		}
		if got, err := p.Problems(ctx); err != nil || len(got) != 1 || got[0].From != "bad" {
			t.Errorf("after a failed refresh Problems = %v, %v; want the good snapshot's", got, err)
		}
	}
	if len(reported) != 1 {
		t.Errorf("OnSnapshot heard %d snapshots, want the one good one", len(reported))
	}
}
