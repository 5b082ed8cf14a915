// Package planner answers the questions a person asks of the graph: how do I get from
// here to there (career paths), where can I be in N years (reachable roles), and what
// do I lack for a role (skill gap), and what to do next (recommendations). It validates
// the question and answers it from an in-memory snapshot of the graph, working out skills
// to gain with the skillgap package.
package planner

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/skillgap"
	"github.com/careergraph/careergraph/store"
)

// Store is what the planner needs from the store.
type Store interface {
	State(ctx context.Context) (store.GraphState, error)
	ReadPlannerGraph(ctx context.Context, prev *store.PlannerGraph) (*store.PlannerGraph, error)
	ReadPlannerRoles(ctx context.Context, prev *store.PlannerGraph, change store.Change) (*store.PlannerGraph, error)
}

// Planner answers path, reach, gap and recommendation questions over a store, from a
// snapshot of the graph it keeps in memory.
type Planner struct {
	store Store
	opts  Options
	snaps snapshots
	alive context.Context // ended by Close
	stop  context.CancelFunc
}

// New returns a planner over st.
func New(st Store, opts ...Options) *Planner {
	p := &Planner{store: st}
	p.alive, p.stop = context.WithCancel(context.Background())
	if len(opts) > 0 {
		p.opts = opts[0]
	}
	if p.opts.RefreshEvery <= 0 {
		p.opts.RefreshEvery = DefaultRefreshEvery
	}
	if p.opts.RebuildAfter <= 0 {
		p.opts.RebuildAfter = DefaultRebuildAfter
	}
	if p.opts.Now == nil {
		p.opts.Now = time.Now
	}
	if p.opts.OnSnapshot == nil {
		p.opts.OnSnapshot = func([]domain.Problem) {}
	}
	if p.opts.OnLoad == nil {
		p.opts.OnLoad = func(time.Duration, int, bool) {}
	}
	if p.opts.Loading == nil {
		p.opts.Loading = func(int) func() { return func() {} }
	}
	if p.opts.Settled == nil {
		p.opts.Settled = func() {}
	}
	return p
}

// InputError is a question the planner cannot answer as asked; the message says what
// to change.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputErr(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// IsInputError reports whether err is an InputError.
func IsInputError(err error) bool {
	var ie *InputError
	return errors.As(err, &ie)
}

// needs turns a role's requirements into the skillgap package's needs.
func needs(reqs []store.Need) []skillgap.Need {
	out := make([]skillgap.Need, len(reqs))
	for i, r := range reqs {
		out[i] = skillgap.Need{SkillID: r.Skill, Importance: r.Importance, Level: r.Level}
	}
	return out
}
