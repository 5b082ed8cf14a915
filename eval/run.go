package eval

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

// Report is the held-out evaluation's outcome: the recommender next to the baseline.
type Report struct {
	Recommender, Baseline Result
	Took                  time.Duration
}

func (r Report) String() string {
	return fmt.Sprintf("recommender:        %s\nplain cosine (S+K): %s\n", r.Recommender, r.Baseline)
}

// Run imports d into st and evaluates the recommender over it (Evaluate).
func Run(ctx context.Context, st *store.Store, d *onet.Data, progress store.Progress) (Report, error) {
	start := time.Now()
	if err := st.ImportONet(ctx, d, progress); err != nil {
		return Report{}, err
	}
	rep, err := Evaluate(ctx, st, d, progress)
	rep.Took = time.Since(start)
	return rep, err
}

// Evaluate withholds the related occupations and the moves derived from them from st,
// which holds d imported, asks the recommender about every rated occupation (first 20,
// role-only profile), and scores the answers against the key read from d. It restores the
// withheld edges before returning, whatever happened.
func Evaluate(ctx context.Context, st *store.Store, d *onet.Data, progress store.Progress) (rep Report, err error) {
	start := time.Now()
	if err := st.WithholdRelated(ctx); err != nil {
		return Report{}, err
	}
	defer func() {
		related := *d
		related.Tables = []string{onet.Related}
		if rerr := st.ImportONet(context.WithoutCancel(ctx), &related, progress); rerr != nil && err == nil {
			err = fmt.Errorf("eval: restoring related occupations: %w", rerr)
		}
	}()
	key := AnswerKey(d)
	queries := Queries(d, key)
	pl := planner.New(st)
	rep.Recommender, err = Measure(queries, key, Recommender(ctx, pl), classifiedAs(ctx, st))
	if err != nil {
		return Report{}, err
	}
	rep.Baseline, err = Measure(queries, key, Baseline(d), nil)
	rep.Took = time.Since(start)
	return rep, err
}

// Recommender ranks by the planner's recommendations for someone in the occupation.
func Recommender(ctx context.Context, pl *planner.Planner) Ranker {
	return func(id string) ([]string, error) {
		recs, err := pl.Recommend(ctx, planner.Profile{RoleID: id}, planner.MaxRecommendations)
		if err != nil {
			return nil, err
		}
		out := make([]string, len(recs.Roles))
		for i, r := range recs.Roles {
			out[i] = r.Role.ID
		}
		return out, nil
	}
}

// classifiedAs lets a curated role count as the O*NET occupations it is classified as.
func classifiedAs(ctx context.Context, st *store.Store) func(string) []string {
	seen := map[string][]string{} // each role is read once: recall asks for the same ones thousands of times
	var mu sync.Mutex             // Measure asks from several workers
	return func(id string) []string {
		mu.Lock()
		defer mu.Unlock()
		if out, ok := seen[id]; ok {
			return out
		}
		occ, err := st.RoleOccupations(ctx, []string{id})
		if err != nil {
			return nil
		}
		var out []string
		for _, o := range occ[id] {
			out = append(out, o.ID)
		}
		seen[id] = out
		return out
	}
}
