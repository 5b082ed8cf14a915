// Package eval measures recommendations against O*NET's related occupations, which are
// held out: the recommender never reads them, and the evaluation removes them (and the
// moves derived from them) from the graph before it asks anything. Only this package
// reads the answer key, from the O*NET files.
package eval

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"

	"github.com/careergraph/careergraph/internal/safe"
	"github.com/careergraph/careergraph/onet"
)

// primaryShort is the tier of each occupation's closest related occupations (ranks 1–5).
const primaryShort = "Primary-Short"

// Key is the answer key: for each occupation id, its related occupations' ids.
type Key struct {
	Top5 map[string][]string // Primary-Short, O*NET's five closest
	All  map[string][]string // every related occupation (about 20)
}

// AnswerKey reads the related occupations from what onet.Read read.
func AnswerKey(d *onet.Data) Key {
	k := Key{Top5: map[string][]string{}, All: map[string][]string{}}
	for _, r := range d.Related {
		from, to := onet.ID(r.From), onet.ID(r.To)
		k.All[from] = append(k.All[from], to)
		if r.Tier == primaryShort {
			k.Top5[from] = append(k.Top5[from], to)
		}
	}
	return k
}

// Queries are the occupations the evaluation asks about: those with skill or knowledge
// ratings and at least one related occupation, sorted.
func Queries(d *onet.Data, k Key) []string {
	rated := map[string]bool{}
	for _, r := range d.Ratings {
		rated[onet.ID(r.Code)] = true
	}
	var out []string
	for id := range rated {
		if len(k.Top5[id]) > 0 {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// Result is the recall of one ranker over every query.
type Result struct {
	Queries     int
	RecallTop5  float64 // share of the Primary-Short related found in the first 10
	RecallAll20 float64 // share of all related found in the first 20
}

func (r Result) String() string {
	return fmt.Sprintf("recall@10 of top-5 related %.3f, recall@20 of all related %.3f (%d occupations)",
		r.RecallTop5, r.RecallAll20, r.Queries)
}

// Ranker returns, for one occupation id, the ids it recommends, best first (at least 20
// where it can). An id may stand for several occupations (a curated role classified as
// them): Expand says which.
type Ranker func(id string) ([]string, error)

// Measure asks rank about every query and scores its answers against the key. expand
// maps an answered id to the occupation ids it counts as (nil: the id itself). The
// queries are asked side by side, a worker per processor, so rank and expand must be
// safe to call at once; the recalls are added up in the queries' order, so the figures do
// not depend on which worker finished first.
func Measure(queries []string, k Key, rank Ranker, expand func(id string) []string) (Result, error) {
	res := Result{Queries: len(queries)}
	top5, all20, errs := make([]float64, len(queries)), make([]float64, len(queries)), make([]error, len(queries))
	workers := runtime.GOMAXPROCS(0)
	work := make([]func(), workers)
	for w := range work {
		work[w] = func() {
			for i := w; i < len(queries); i += workers {
				q := queries[i]
				got, err := rank(q)
				if err != nil {
					errs[i] = fmt.Errorf("eval: %s: %w", q, err)
					continue
				}
				top5[i] = recall(got[:min(10, len(got))], k.Top5[q], expand)
				all20[i] = recall(got[:min(20, len(got))], k.All[q], expand)
			}
		}
	}
	safe.Parallel(work...)
	for i := range queries {
		if errs[i] != nil {
			return Result{}, errs[i]
		}
		res.RecallTop5 += top5[i]
		res.RecallAll20 += all20[i]
	}
	if len(queries) > 0 {
		res.RecallTop5 /= float64(len(queries))
		res.RecallAll20 /= float64(len(queries))
	}
	return res, nil
}

func recall(got, want []string, expand func(string) []string) float64 {
	if len(want) == 0 {
		return 0
	}
	found := map[string]bool{}
	for _, g := range got {
		ids := []string{g}
		if expand != nil {
			if e := expand(g); e != nil {
				ids = e
			}
		}
		for _, id := range ids {
			found[id] = true
		}
	}
	hit := 0
	for _, w := range want {
		if found[w] {
			hit++
		}
	}
	return float64(hit) / float64(len(want))
}

// Baseline ranks occupations by a plain cosine over their Skills and Knowledge ratings
// (importance × level), computed from the files: the yardstick the recommender is
// compared with.
func Baseline(d *onet.Data) Ranker {
	elements := map[string]int{}
	vecs := map[string][]float64{}
	for _, r := range d.Ratings {
		if _, ok := elements[r.ElementID]; !ok {
			elements[r.ElementID] = len(elements)
		}
	}
	for _, r := range d.Ratings {
		id := onet.ID(r.Code)
		if vecs[id] == nil {
			vecs[id] = make([]float64, len(elements))
		}
		vecs[id][elements[r.ElementID]] = r.Importance * r.Level
	}
	ids := make([]string, 0, len(vecs))
	norms := map[string]float64{}
	for id, v := range vecs {
		ids = append(ids, id)
		norms[id] = math.Sqrt(dot(v, v))
	}
	slices.Sort(ids)
	return func(q string) ([]string, error) {
		v, n := vecs[q], norms[q]
		return Top(ids, q, 20, func(id string) float64 {
			if n == 0 || norms[id] == 0 {
				return 0
			}
			return dot(v, vecs[id]) / (n * norms[id])
		}), nil
	}
}

// Top returns the n ids other than self with the highest score, ties by id.
func Top(ids []string, self string, n int, score func(string) float64) []string {
	type scored struct {
		id string
		s  float64
	}
	all := make([]scored, 0, len(ids))
	for _, id := range ids {
		if id != self {
			all = append(all, scored{id, score(id)})
		}
	}
	slices.SortFunc(all, func(a, b scored) int { return cmp.Or(cmp.Compare(b.s, a.s), cmp.Compare(a.id, b.id)) })
	out := make([]string, 0, n)
	for _, s := range all[:min(n, len(all))] {
		out = append(out, s.id)
	}
	return out
}

// dot is the dot product of two vectors of the same length.
func dot(a, b []float64) float64 {
	s := 0.0
	for i, x := range a {
		s += x * b[i]
	}
	return s
}
