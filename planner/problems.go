package planner

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/careergraph/careergraph/domain"
)

// Problems returns the records the current snapshot left out because they failed their
// check, ordered by kind, ends, property and reason.
func (p *Planner) Problems(ctx context.Context) ([]domain.Problem, error) {
	snap, err := p.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	out := append(slices.Clone(snap.problems), snap.wages.noted()...)
	slices.SortFunc(out, func(a, b domain.Problem) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To),
			cmp.Compare(a.Property, b.Property), cmp.Compare(a.Reason, b.Reason))
	})
	return out, nil
}

// ErrNoSnapshot is why the planner is not ready: no snapshot of the graph has loaded yet.
var ErrNoSnapshot = errors.New("no snapshot of the graph is loaded yet")

// Ping reports whether the planner can answer: nil once a snapshot is loaded. Before
// that it tries a load within ctx and says why it has none.
func (p *Planner) Ping(ctx context.Context) error {
	if p.snaps.current.Load() != nil {
		return nil
	}
	if _, err := p.load(ctx); err != nil {
		if failed := p.snaps.failed.Load(); failed != nil {
			err = *failed
		}
		return fmt.Errorf("%w: %w", ErrNoSnapshot, err)
	}
	return nil
}

// problemLog remembers when each problem was last logged, so that a problem is logged
// once an hour however often the snapshot is rebuilt, and a load logs at most
// maxProblemLines of them.
type problemLog struct {
	mu   sync.Mutex
	last map[string]time.Time
}

const (
	problemLogEvery = time.Hour
	maxProblemLines = 20
)

// report logs the problems not logged within the last hour and tells OnSnapshot of all.
func (p *Planner) report(problems []domain.Problem) {
	p.opts.OnSnapshot(problems)
	p.logProblems(problems)
}

// logProblems logs the problems not logged within the last hour, at most maxProblemLines.
func (p *Planner) logProblems(problems []domain.Problem) {
	l := &p.snaps.logged
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.last == nil {
		l.last = map[string]time.Time{}
	}
	now, lines, more := p.opts.Now(), 0, 0
	for k, t := range l.last {
		if now.Sub(t) >= problemLogEvery {
			delete(l.last, k) // forget problems fixed long ago
		}
	}
	for _, pr := range problems {
		k := pr.Key()
		if t, ok := l.last[k]; ok && now.Sub(t) < problemLogEvery {
			continue
		}
		if lines == maxProblemLines {
			more++
			continue
		}
		l.last[k], lines = now, lines+1
		p.opts.Log.Warn().Str("kind", pr.Kind).Str("from", pr.From).Str("to", pr.To).Str("property", pr.Property).
			Str("value", pr.Value).Str("reason", pr.Reason).Msg("a record in the graph failed its check and is left out of answers")
	}
	if more > 0 {
		p.opts.Log.Warn().Int("more", more).Int("total", len(problems)).
			Msg("more records in the graph failed their check; the dataProblems query lists them all")
	}
}
