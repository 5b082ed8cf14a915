// Package similarity measures how close two roles (or a person and a role) are: how
// alike their skill and knowledge ratings, technologies and descriptions are. It is
// pure arithmetic over plain values; the planner fits a Model to every role in the
// graph and compares vectors built from it.
package similarity

import (
	"math"
	"slices"
)

// Features are what is known of a role, or of a person, for comparing it with others.
type Features struct {
	Ratings map[string]float64 // skill or knowledge id → importance × level
	Tech    []string           // technologies used
	Title   string
	Text    []string // summary, alternate titles and other descriptive text
}

// Weights say how much each signal counts in Similarity; they add up to 1.
type Weights struct{ Ratings, Tech, Text float64 }

// DefaultWeights were chosen on the held-out evaluation (EVAL.md).
var DefaultWeights = Weights{Ratings: 0.3, Tech: 0.1, Text: 0.6}

// Model holds what is learned from all roles: the average rating of each element (so
// that what every role asks, such as reading comprehension, does not make all roles look
// alike) and how rare each technology and word is.
type Model struct {
	mean    map[string]float64
	techIDF map[string]float64
	textIDF map[string]float64
	weights Weights
}

// Vector is one role's or person's features, weighted and normalised to unit length.
type Vector struct {
	Ratings, Tech, Text Sparse
}

// Sparse is a unit-length sparse vector, keys sorted.
type Sparse struct {
	Keys   []string
	Values []float64
}

// Parts is a similarity split by signal, each from -1 to 1, and their weighted total.
type Parts struct {
	Ratings, Tech, Text, Total float64
}

// Fit learns a model from the features of every role.
func Fit(all []Features, w Weights) *Model {
	m := &Model{mean: map[string]float64{}, techIDF: map[string]float64{}, textIDF: map[string]float64{}, weights: w}
	count := map[string]float64{}
	rated := 0.0
	for _, f := range all {
		if len(f.Ratings) > 0 {
			rated++
		}
		for k, v := range f.Ratings {
			m.mean[k] += v
			count[k]++
		}
		for _, t := range dedupe(f.Tech) {
			m.techIDF[t]++
		}
		for t := range terms(f) {
			m.textIDF[t]++
		}
	}
	for k := range m.mean {
		m.mean[k] /= rated // elements a role does not list count as 0
	}
	n := float64(len(all))
	for k, df := range m.techIDF {
		m.techIDF[k] = math.Log(1 + n/df)
	}
	for k, df := range m.textIDF {
		m.textIDF[k] = math.Log(1 + n/df)
	}
	return m
}

// Vector weighs and normalises f.
func (m *Model) Vector(f Features) Vector {
	var v Vector
	if len(f.Ratings) > 0 {
		r := map[string]float64{}
		for k, mu := range m.mean {
			r[k] = f.Ratings[k] - mu
		}
		for k, x := range f.Ratings {
			if _, ok := m.mean[k]; !ok {
				r[k] = x
			}
		}
		v.Ratings = normalise(r)
	}
	t := map[string]float64{}
	for _, id := range dedupe(f.Tech) {
		t[id] = idf(m.techIDF, id)
	}
	v.Tech = normalise(t)
	x := map[string]float64{}
	for term, tf := range terms(f) {
		x[term] = (1 + math.Log(tf)) * idf(m.textIDF, term)
	}
	v.Text = normalise(x)
	return v
}

func idf(table map[string]float64, k string) float64 {
	if w, ok := table[k]; ok {
		return w
	}
	return math.Log(1 + float64(len(table)+1))
}

// Similarity compares two vectors signal by signal. A signal missing on either side
// leaves its weight to the others.
func (m *Model) Similarity(a, b Vector) Parts {
	p := Parts{Ratings: Dot(a.Ratings, b.Ratings), Tech: Dot(a.Tech, b.Tech), Text: Dot(a.Text, b.Text)}
	total, weight := 0.0, 0.0
	for _, s := range []struct {
		w    float64
		x, y Sparse
		v    float64
	}{{m.weights.Ratings, a.Ratings, b.Ratings, p.Ratings}, {m.weights.Tech, a.Tech, b.Tech, p.Tech}, {m.weights.Text, a.Text, b.Text, p.Text}} {
		if len(s.x.Keys) > 0 && len(s.y.Keys) > 0 {
			total += s.w * s.v
			weight += s.w
		}
	}
	if weight > 0 {
		p.Total = total / weight
	}
	return p
}

// Dot is the dot product of two sparse vectors: their cosine, as both have unit length.
func Dot(a, b Sparse) float64 {
	s, i, j := 0.0, 0, 0
	for i < len(a.Keys) && j < len(b.Keys) {
		switch {
		case a.Keys[i] == b.Keys[j]:
			s += a.Values[i] * b.Values[j]
			i++
			j++
		case a.Keys[i] < b.Keys[j]:
			i++
		default:
			j++
		}
	}
	return s
}

func normalise(m map[string]float64) Sparse {
	norm := 0.0
	for _, x := range m {
		norm += x * x
	}
	if norm == 0 {
		return Sparse{}
	}
	norm = math.Sqrt(norm)
	keys := make([]string, 0, len(m))
	for k, x := range m {
		if x != 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	vals := make([]float64, len(keys))
	for i, k := range keys {
		vals[i] = m[k] / norm
	}
	return Sparse{Keys: keys, Values: vals}
}

func dedupe(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return slices.Compact(out)
}
