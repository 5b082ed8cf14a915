// Package similarity measures how close two roles (or a person and a role) are: how
// alike their skill and knowledge ratings, technologies and descriptions are. It is
// pure arithmetic over plain values; the planner fits a Model to every role in the
// graph and compares vectors built from it.
package similarity

import (
	"cmp"
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
// alike) and how rare each technology and word is. Vectors index their keys by the
// model's vocabularies; a Model is never changed after Fit, so it is safe to share.
type Model struct {
	ratings, tech, text vocabulary
	mean                []float64 // by rating index
	techIDF, textIDF    []float64 // by technology and term index
	weights             Weights
}

// vocabulary numbers the keys seen by Fit.
type vocabulary struct {
	index map[string]int32
	keys  []string
}

func (v *vocabulary) add(k string) int32 {
	if i, ok := v.index[k]; ok {
		return i
	}
	i := int32(len(v.keys))
	v.index[k] = i
	v.keys = append(v.keys, k)
	return i
}

// Vector is one role's or person's features, weighted and normalised to unit length.
type Vector struct {
	Ratings, Tech, Text Sparse
}

// Sparse is a unit-length sparse vector over a model's vocabulary, indexes ascending; its
// values may include zeros (see Index.ShareRatings). Its lists are never changed once made.
// Keys Fit never saw count towards the length but are left out, since no role has them.
type Sparse struct {
	Index  []int32
	Values []float64
}

// Parts is a similarity split by signal, each from -1 to 1, and their weighted total.
type Parts struct {
	Ratings, Tech, Text, Total float64
}

// Fit learns a model from the features of every role.
func Fit(all []Features, w Weights) *Model {
	m, _, _ := fit(all, w)
	return m
}

// FitVectors learns a model from the features of every role and returns their vectors
// too, reading each text once. The vectors are worked out in parts side by side (see
// parts): the model is only read once fitted.
func FitVectors(all []Features, w Weights) (*Model, []Vector) {
	m, counts, techs := fit(all, w)
	vs := make([]Vector, len(all))
	inParts(len(all), parts(len(all)), func(_, lo, hi int) {
		var buf []float64
		for i := lo; i < hi; i++ {
			vs[i].Ratings, buf = m.ratingsVector(all[i].Ratings, buf)
			vs[i].Tech, vs[i].Text = m.techVectorOf(techs[i]), m.textVector(counts[i])
		}
	})
	return m, vs
}

// fit learns a model and returns the term counts of each role's text, and its
// technologies, each once.
func fit(all []Features, w Weights) (*Model, [][]termCount, [][]string) {
	m := &Model{weights: w, ratings: vocabulary{index: map[string]int32{}}, tech: vocabulary{index: map[string]int32{}},
		text: vocabulary{index: map[string]int32{}}}
	counts := countTerms(&m.text, all, parts(len(all)))
	techs := make([][]string, len(all))
	inParts(len(all), parts(len(all)), func(_, lo, hi int) {
		for k := lo; k < hi; k++ {
			techs[k] = dedupe(all[k].Tech)
		}
	})
	rated := 0.0
	for k, f := range all {
		if len(f.Ratings) > 0 {
			rated++
		}
		m.addRatingKeys(f.Ratings)
		for k, v := range f.Ratings {
			i := m.ratings.index[k]
			m.mean = grow(m.mean, i)
			m.mean[i] += v
		}
		for _, t := range techs[k] {
			i := m.tech.add(t)
			m.techIDF = grow(m.techIDF, i)
			m.techIDF[i]++
		}
		for _, t := range counts[k] {
			m.textIDF = grow(m.textIDF, t.term)
			m.textIDF[t.term]++
		}
	}
	for i := range m.mean {
		m.mean[i] /= rated // elements a role does not list count as 0
	}
	n := float64(len(all))
	for i, df := range m.techIDF {
		m.techIDF[i] = math.Log(1 + n/df)
	}
	for i, df := range m.textIDF {
		m.textIDF[i] = math.Log(1 + n/df)
	}
	return m, counts, techs
}

// addRatingKeys numbers the keys of ratings the model has not met, in sorted order: numbered
// in a map's order, the same fit would lay its vectors out differently run to run, and
// sums over them would differ in their last digits.
func (m *Model) addRatingKeys(ratings map[string]float64) {
	var fresh []string
	for k := range ratings {
		if _, ok := m.ratings.index[k]; !ok {
			fresh = append(fresh, k)
		}
	}
	slices.Sort(fresh)
	for _, k := range fresh {
		m.ratings.add(k)
	}
}

func grow(s []float64, i int32) []float64 {
	for int(i) >= len(s) {
		s = append(s, 0)
	}
	return s
}

// unseenIDF weighs a technology or term Fit never saw, as the rarest there can be.
func (m *Model) unseenIDF(n int) float64 { return math.Log(1 + float64(n+1)) }

// Vector weighs and normalises f.
func (m *Model) Vector(f Features) Vector {
	v := Vector{Ratings: m.RatingsVector(f.Ratings), Tech: m.techVector(f.Tech)}
	x := map[int32]float64{}
	var unseen []float64
	for term, tf := range terms(f) {
		if i, ok := m.text.index[term]; ok {
			x[i] = (1 + math.Log(tf)) * m.textIDF[i]
		} else {
			unseen = append(unseen, (1+math.Log(tf))*m.unseenIDF(len(m.text.keys)))
		}
	}
	v.Text = normalise(x, sumOfSquares(unseen))
	return v
}

// techVector weighs and normalises technologies by how rare they are.
func (m *Model) techVector(tech []string) Sparse { return m.techVectorOf(dedupe(tech)) }

// techVectorOf is techVector of technologies named once each, sorted.
func (m *Model) techVectorOf(tech []string) Sparse {
	out, norm := Sparse{Index: make([]int32, 0, len(tech))}, 0.0
	for _, id := range tech {
		w := m.unseenIDF(len(m.tech.keys))
		if i, ok := m.tech.index[id]; ok {
			out.Index, w = append(out.Index, i), m.techIDF[i]
		}
		norm += w * w
	}
	if norm == 0 || len(out.Index) == 0 {
		return Sparse{}
	}
	slices.Sort(out.Index)
	norm = math.Sqrt(norm)
	out.Values = make([]float64, len(out.Index))
	for k, i := range out.Index {
		out.Values[k] = m.techIDF[i] / norm
	}
	return out
}

// textVector weighs and normalises the term counts of a text Fit saw.
func (m *Model) textVector(counts []termCount) Sparse {
	out := Sparse{Index: make([]int32, len(counts)), Values: make([]float64, len(counts))}
	norm := 0.0
	for k, c := range counts {
		x := (1 + math.Log(c.n)) * m.textIDF[c.term]
		out.Index[k], out.Values[k] = c.term, x
		norm += x * x
	}
	if norm == 0 {
		return Sparse{}
	}
	norm = math.Sqrt(norm)
	for k := range out.Values {
		out.Values[k] /= norm
	}
	return out
}

// RatingsVector weighs and normalises ratings alone: each element's mean taken away.
func (m *Model) RatingsVector(ratings map[string]float64) Sparse {
	v, _ := m.ratingsVector(ratings, nil)
	return v
}

// ratingsVector is RatingsVector working in buf, which it returns (grown) for the next call.
func (m *Model) ratingsVector(ratings map[string]float64, buf []float64) (Sparse, []float64) {
	if len(ratings) == 0 {
		return Sparse{}, buf
	}
	r := slices.Grow(buf[:0], len(m.mean))[:len(m.mean)]
	for i, mu := range m.mean {
		r[i] = -mu
	}
	var unseen []float64
	for k, x := range ratings {
		if i, ok := m.ratings.index[k]; ok {
			r[i] += x
		} else {
			unseen = append(unseen, x)
		}
	}
	norm := sumOfSquares(unseen)
	nonzero := 0
	for _, x := range r {
		norm += x * x
		if x != 0 {
			nonzero++
		}
	}
	if norm == 0 {
		return Sparse{}, r
	}
	norm = math.Sqrt(norm)
	out := Sparse{Index: make([]int32, 0, nonzero), Values: make([]float64, 0, nonzero)}
	for i, x := range r {
		if x != 0 {
			out.Index, out.Values = append(out.Index, int32(i)), append(out.Values, x/norm)
		}
	}
	return out, r
}

// RatingKey is the skill or knowledge id of a rating index.
func (m *Model) RatingKey(i int32) string { return m.ratings.keys[i] }

// Similarity compares two vectors signal by signal. A signal missing on either side
// leaves its weight to the others.
func (m *Model) Similarity(a, b Vector) Parts {
	p := Parts{Ratings: Dot(a.Ratings, b.Ratings), Tech: Dot(a.Tech, b.Tech), Text: Dot(a.Text, b.Text)}
	total, weight := 0.0, 0.0
	add := func(w float64, x, y Sparse, v float64) {
		if len(x.Index) > 0 && len(y.Index) > 0 {
			total += w * v
			weight += w
		}
	}
	add(m.weights.Ratings, a.Ratings, b.Ratings, p.Ratings)
	add(m.weights.Tech, a.Tech, b.Tech, p.Tech)
	add(m.weights.Text, a.Text, b.Text, p.Text)
	if weight > 0 {
		p.Total = total / weight
	}
	return p
}

// Dot is the dot product of two sparse vectors: their cosine, as both have unit length.
func Dot(a, b Sparse) float64 {
	s := 0.0
	Common(a, b, func(_ int32, x, y float64) { s += x * y })
	return s
}

// Common calls fn with each index both a and b hold, in order, and the two values there.
func Common(a, b Sparse, fn func(index int32, x, y float64)) {
	for i, j := 0, 0; i < len(a.Index) && j < len(b.Index); {
		switch {
		case a.Index[i] == b.Index[j]:
			fn(a.Index[i], a.Values[i], b.Values[j])
			i++
			j++
		case a.Index[i] < b.Index[j]:
			i++
		default:
			j++
		}
	}
}

// normalise scales m to unit length, counting extra (the squared weight of keys left out).
func normalise(m map[int32]float64, extra float64) Sparse {
	type entry struct {
		i int32
		x float64
	}
	entries := make([]entry, 0, len(m))
	for i, x := range m {
		if x != 0 {
			entries = append(entries, entry{i, x})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.i, b.i) })
	norm := extra
	for _, e := range entries { // in index order: a sum in map order differs run to run in its last digits
		norm += e.x * e.x
	}
	if norm == 0 {
		return Sparse{}
	}
	norm = math.Sqrt(norm)
	out := Sparse{Index: make([]int32, len(entries)), Values: make([]float64, len(entries))}
	for k, e := range entries {
		out.Index[k], out.Values[k] = e.i, e.x/norm
	}
	return out
}

// sumOfSquares sums the squares of xs, sorted first, so that a sum gathered from a map
// comes out the same to the last digit whatever order the map gave.
func sumOfSquares(xs []float64) float64 {
	slices.Sort(xs)
	sum := 0.0
	for _, x := range xs {
		sum += x * x
	}
	return sum
}

func dedupe(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return slices.Compact(out)
}
