package similarity

import "sync"

// Index holds many vectors laid out for comparing one vector with all of them at once:
// ratings as a dense matrix, since they are centred on the mean and nearly every vector
// holds every element, technologies and text as inverted lists, so that a comparison
// touches only the vectors that share a term with the one compared. Its results equal
// Similarity's, sum for sum. An Index is never changed after NewIndex, so it is safe to
// share.
type Index struct {
	m          *Model
	n, dim     int
	ratings    []float64 // n rows of dim, the row of vector i at i × dim
	dims       []int32   // 0 to dim-1, the indexes of a row as a Sparse (see ShareRatings)
	has        []uint8   // for each vector, which signals it holds (hasRatings, hasTech, hasText)
	tech, text [][]posting
	scratch    sync.Pool // of *Scores
}

// posting is one vector's value at a technology or term.
type posting struct {
	at int32
	x  float64
}

const (
	hasRatings = 1 << iota
	hasTech
	hasText
)

// NewIndex lays out vs, which must come from m.
func (m *Model) NewIndex(vs []Vector) *Index {
	ix := &Index{m: m, n: len(vs), dim: len(m.ratings.keys), has: make([]uint8, len(vs)),
		tech: make([][]posting, len(m.tech.keys)), text: make([][]posting, len(m.text.keys))}
	ix.ratings = make([]float64, ix.n*ix.dim)
	presize(ix.tech, vs, func(v Vector) []int32 { return v.Tech.Index })
	presize(ix.text, vs, func(v Vector) []int32 { return v.Text.Index })
	for i, v := range vs {
		row := ix.ratings[i*ix.dim : (i+1)*ix.dim]
		for k, at := range v.Ratings.Index {
			row[at] = v.Ratings.Values[k]
		}
		ix.has[i] = flags(v)
		for k, at := range v.Tech.Index {
			ix.tech[at] = append(ix.tech[at], posting{int32(i), v.Tech.Values[k]})
		}
		for k, at := range v.Text.Index {
			ix.text[at] = append(ix.text[at], posting{int32(i), v.Text.Values[k]})
		}
	}
	return ix
}

// ShareRatings points the ratings of each of vs, the vectors the index was made from, at
// the index's own row for it, so that only one copy is kept. A row holds the vector's
// ratings and zeros where it has none; every comparison gives what it gave before (a zero
// adds nothing to a sum), and a vector without ratings keeps none.
func (ix *Index) ShareRatings(vs []Vector) {
	if ix.dims == nil {
		ix.dims = make([]int32, ix.dim)
		for k := range ix.dims {
			ix.dims[k] = int32(k)
		}
	}
	for i := range vs {
		if ix.has[i]&hasRatings != 0 {
			row := ix.ratings[i*ix.dim : (i+1)*ix.dim : (i+1)*ix.dim]
			vs[i].Ratings = Sparse{Index: ix.dims, Values: row}
		}
	}
}

// presize gives each inverted list the room its postings take.
func presize(lists [][]posting, vs []Vector, index func(Vector) []int32) {
	n := make([]int32, len(lists))
	for _, v := range vs {
		for _, at := range index(v) {
			n[at]++
		}
	}
	for at := range lists {
		lists[at] = make([]posting, 0, n[at])
	}
}

func flags(v Vector) uint8 {
	var f uint8
	if len(v.Ratings.Index) > 0 {
		f |= hasRatings
	}
	if len(v.Tech.Index) > 0 {
		f |= hasTech
	}
	if len(v.Text.Index) > 0 {
		f |= hasText
	}
	return f
}

// Len is how many vectors the index holds.
func (ix *Index) Len() int { return ix.n }

// Scores are one vector's similarity with every vector of an Index, by position. Give
// them back with Release.
type Scores struct {
	ix                  *Index
	ratings, tech, text []float64
	from                uint8
}

// Compare returns v's similarity with every vector in the index. v must come from the
// index's model.
func (ix *Index) Compare(v Vector) *Scores {
	s, _ := ix.scratch.Get().(*Scores)
	if s == nil {
		s = &Scores{ix: ix, ratings: make([]float64, ix.n), tech: make([]float64, ix.n), text: make([]float64, ix.n)}
	}
	clear(s.tech)
	clear(s.text)
	s.from = flags(v)
	dense := make([]float64, ix.dim)
	for k, at := range v.Ratings.Index {
		dense[at] = v.Ratings.Values[k]
	}
	for i := range ix.n {
		sum := 0.0
		for k, x := range ix.ratings[i*ix.dim : (i+1)*ix.dim] {
			sum += dense[k] * x // a zero on either side adds nothing, as in Dot
		}
		s.ratings[i] = sum
	}
	accumulate(s.tech, v.Tech, ix.tech)
	accumulate(s.text, v.Text, ix.text)
	return s
}

// accumulate adds, term by term in ascending order as Dot does, v's value times each
// vector's value to that vector's sum.
func accumulate(sums []float64, v Sparse, lists [][]posting) {
	for k, at := range v.Index {
		x := v.Values[k]
		for _, p := range lists[at] {
			sums[p.at] += x * p.x
		}
	}
}

// Total is the weighted similarity with the vector at i: Similarity(v, vs[i]).Total.
func (s *Scores) Total(i int) float64 { return s.Parts(i).Total }

// Parts is Similarity(v, vs[i]).
func (s *Scores) Parts(i int) Parts {
	p := Parts{Ratings: s.ratings[i], Tech: s.tech[i], Text: s.text[i]}
	both := s.from & s.ix.has[i]
	w := s.ix.m.weights
	total, weight := 0.0, 0.0
	if both&hasRatings != 0 {
		total += w.Ratings * p.Ratings
		weight += w.Ratings
	}
	if both&hasTech != 0 {
		total += w.Tech * p.Tech
		weight += w.Tech
	}
	if both&hasText != 0 {
		total += w.Text * p.Text
		weight += w.Text
	}
	if weight > 0 {
		p.Total = total / weight
	}
	return p
}

// Release returns s to its index for reuse.
func (s *Scores) Release() { s.ix.scratch.Put(s) }
