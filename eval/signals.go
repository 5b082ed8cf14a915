package eval

import (
	"slices"

	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/similarity"
)

// Signal is one way of weighing the similarity's signals, for measuring what each adds.
type Signal struct {
	Name    string
	Weights similarity.Weights
}

// Signals are each signal alone and the blend the recommender uses.
var Signals = []Signal{
	{"ratings only", similarity.Weights{Ratings: 1}},
	{"technologies only", similarity.Weights{Tech: 1}},
	{"text only", similarity.Weights{Text: 1}},
	{"ratings + text", similarity.Weights{Ratings: 0.3, Text: 0.6}},
	{"blend (as served)", similarity.DefaultWeights},
}

// SimilarityRanker ranks O*NET occupations by the similarity package alone, with the
// given weights, from the files: the signals without the rest of the score.
func SimilarityRanker(d *onet.Data, w similarity.Weights) Ranker {
	feats := map[string]*similarity.Features{}
	for code, o := range d.Occupations {
		if o.Title != "" {
			feats[onet.ID(code)] = &similarity.Features{Ratings: map[string]float64{}, Title: o.Title,
				Text: append([]string{o.Description}, o.AlternateTitles...)}
		}
	}
	for _, r := range d.Ratings {
		if f := feats[onet.ID(r.Code)]; f != nil {
			f.Ratings[onet.ElementID(r.ElementID)] = r.Importance * r.Level
		}
	}
	for _, t := range d.Tech {
		if f := feats[onet.ID(t.Code)]; f != nil {
			f.Tech = append(f.Tech, onet.TechID(t.Example))
		}
	}
	ids := make([]string, 0, len(feats))
	all := make([]similarity.Features, 0, len(feats))
	for id := range feats {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		all = append(all, *feats[id])
	}
	m := similarity.Fit(all, w)
	vecs := make(map[string]similarity.Vector, len(ids))
	for _, id := range ids {
		vecs[id] = m.Vector(*feats[id])
	}
	return func(q string) ([]string, error) {
		return Top(ids, q, 20, func(id string) float64 { return m.Similarity(vecs[q], vecs[id]).Total }), nil
	}
}
