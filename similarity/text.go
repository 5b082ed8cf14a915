package similarity

import (
	"bytes"
	"cmp"
	"runtime"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/careergraph/careergraph/internal/safe"
)

// titleWeight is how many times a word of the title counts against one of the text.
const titleWeight = 3

// splitWords returns the words of s, lower case, without common words, plurals folded.
func splitWords(s string) []string {
	var out []string
	eachWord(s, nil, func(w []byte) { out = append(out, string(w)) })
	return out
}

// eachWord calls fn with each word of s as splitWords gives them, in buf (grown as needed
// and returned, for the next call): fn must not keep the slice. It allocates nothing
// once buf is long enough, so that counting the words of every role's texts makes no
// garbage.
func eachWord(s string, buf []byte, fn func(w []byte)) []byte {
	word := buf[:0]
	end := func() {
		if len(word) >= 2 && !stopWords[string(word)] {
			fn(stem(word))
		}
		word = word[:0]
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'A' <= c && c <= 'Z':
				word = append(word, c+'a'-'A')
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				word = append(word, c)
			default:
				end()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r = unicode.ToLower(r); r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			word = utf8.AppendRune(word, r)
		} else {
			end()
		}
	}
	end()
	return word
}

// stem is Stem over a word's bytes, in place.
func stem(w []byte) []byte {
	switch {
	case len(w) > 4 && bytes.HasSuffix(w, []byte("ies")):
		return append(w[:len(w)-3], 'y')
	case len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && !bytes.HasSuffix(w, []byte("us")):
		return w[:len(w)-1]
	}
	return w
}

// terms counts the words of f's title and text, the title's counting titleWeight each.
func terms(f Features) map[string]float64 {
	out := map[string]float64{}
	for k, s := range append([]string{f.Title}, f.Text...) {
		for _, w := range splitWords(s) {
			out[w] += textWeight(k)
		}
	}
	return out
}

func textWeight(k int) float64 {
	if k == 0 {
		return titleWeight
	}
	return 1
}

// termCount is how often a term occurs in one text, the term numbered in a vocabulary.
type termCount struct {
	term int32
	n    float64
}

// tokenizer counts the terms of many texts, numbering them in a vocabulary as it meets
// them.
type tokenizer struct {
	vocab   *vocabulary
	buf     []byte    // the word being read
	counts  []float64 // by term, for the text being counted
	touched []int32
}

func newTokenizer(v *vocabulary) *tokenizer { return &tokenizer{vocab: v} }

// terms counts the terms of f, as the package's terms does, ordered by term number.
func (t *tokenizer) terms(f Features) []termCount {
	t.touched = t.touched[:0]
	for k, s := range append([]string{f.Title}, f.Text...) {
		weight := textWeight(k)
		t.buf = eachWord(s, t.buf, func(word []byte) {
			w, ok := t.vocab.index[string(word)]
			if !ok {
				w = t.vocab.add(string(word))
			}
			for int(w) >= len(t.counts) {
				t.counts = append(t.counts, 0)
			}
			if t.counts[w] == 0 {
				t.touched = append(t.touched, w)
			}
			t.counts[w] += weight
		})
	}
	slices.Sort(t.touched)
	out := make([]termCount, len(t.touched))
	for i, w := range t.touched {
		out[i] = termCount{w, t.counts[w]}
		t.counts[w] = 0
	}
	return out
}

// countTerms counts the terms of each of all's texts (tokenizer.terms), numbering new
// terms in v in the order a count of one text after another would meet them. The texts are
// split in parallel in parts, each numbering its terms on its own; the parts'
// numbers are then mapped to v's, part by part in order (safe.Parallel raises a part's
// panic again in the caller).
func countTerms(v *vocabulary, all []Features, parts int) [][]termCount {
	counts := make([][]termCount, len(all))
	local := make([]vocabulary, max(1, parts))
	ranges := inParts(len(all), parts, func(part, lo, hi int) {
		local[part].index = map[string]int32{}
		tok := newTokenizer(&local[part])
		for k := lo; k < hi; k++ {
			counts[k] = tok.terms(all[k])
		}
	})
	for part, r := range ranges {
		ids := make([]int32, len(local[part].keys))
		for i, w := range local[part].keys {
			ids[i] = v.add(w)
		}
		for _, c := range counts[r[0]:r[1]] {
			for i := range c {
				c[i].term = ids[c[i].term]
			}
			slices.SortFunc(c, func(a, b termCount) int { return cmp.Compare(a.term, b.term) })
		}
	}
	return counts
}

// inParts splits 0..n into at most parts ranges of about equal length and runs fn over
// each in parallel (safe.Parallel, which raises a panic in fn again in the caller); it
// returns the ranges, fn's part numbers their indexes.
func inParts(n, parts int, fn func(part, lo, hi int)) [][2]int {
	parts = max(1, min(parts, n))
	ranges := make([][2]int, parts)
	work := make([]func(), parts)
	for p := range parts {
		ranges[p] = [2]int{p * n / parts, (p + 1) * n / parts}
		work[p] = func() { fn(p, ranges[p][0], ranges[p][1]) }
	}
	safe.Parallel(work...)
	return ranges
}

// InParts runs fn over 0..n in parts side by side, as many as the package splits n
// roles' work into (see parts): fn is called with each part's bounds.
func InParts(n int, fn func(lo, hi int)) {
	inParts(n, parts(n), func(_, lo, hi int) { fn(lo, hi) })
}

// parts is how many parts n roles' texts are counted in, and their vectors worked out
// in: one per processor, none smaller than minPart. Tests replace it.
var parts = func(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n/minPart)) }

// minPart is the fewest texts worth a part of their own in countTerms. Parts cost memory
// (their allocations race the collector): at O*NET's size, two parts raised the peak at
// start by a seventh and saved nothing measurable; at ten times it, they save a fifth of
// the build.
const minPart = 4096

// Stem folds simple English plurals: "engineers" → "engineer", "policies" → "policy".
func Stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:len(w)-1]
	}
	return w
}

var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and are as at be by for from has have in into is it its of on or
		such that the their them these this those to under with within other all any may such including
		use using used work worker workers perform performs provide provides`) {
		stopWords[w] = true
	}
}
