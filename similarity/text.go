package similarity

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// titleWeight is how many times a word of the title counts against one of the text.
const titleWeight = 3

// splitWords returns the words of s, lower case, without common words, plurals folded.
func splitWords(s string) []string {
	var out []string
	for _, word := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(word) >= 2 && !stopWords[word] {
			out = append(out, Stem(word))
		}
	}
	return out
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
// them and remembering each text it split: the same titles and descriptions recur across
// many roles.
type tokenizer struct {
	vocab   *vocabulary
	seen    map[string][]int32
	counts  []float64 // by term, for the text being counted
	touched []int32
}

func newTokenizer(v *vocabulary) *tokenizer { return &tokenizer{vocab: v, seen: map[string][]int32{}} }

func (t *tokenizer) words(s string) []int32 {
	if w, ok := t.seen[s]; ok {
		return w
	}
	words := splitWords(s)
	out := make([]int32, len(words))
	for i, w := range words {
		out[i] = t.vocab.add(w)
	}
	t.seen[s] = out
	return out
}

// terms counts the terms of f, as the package's terms does, ordered by term number.
func (t *tokenizer) terms(f Features) []termCount {
	t.touched = t.touched[:0]
	for k, s := range append([]string{f.Title}, f.Text...) {
		for _, w := range t.words(s) {
			for int(w) >= len(t.counts) {
				t.counts = append(t.counts, 0)
			}
			if t.counts[w] == 0 {
				t.touched = append(t.touched, w)
			}
			t.counts[w] += textWeight(k)
		}
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
// numbers are then mapped to v's, part by part in order. A panic in a part is raised again
// in the caller, whose recovery handles it.
func countTerms(v *vocabulary, all []Features, parts int) [][]termCount {
	parts = max(1, min(parts, len(all)))
	counts := make([][]termCount, len(all))
	local := make([]vocabulary, parts)
	panics := make([]any, parts)
	bounds := func(p int) (int, int) { return p * len(all) / parts, (p + 1) * len(all) / parts }
	var wg sync.WaitGroup
	for p := range parts {
		local[p].index = map[string]int32{}
		wg.Go(func() {
			defer func() { panics[p] = recover() }()
			tok := newTokenizer(&local[p])
			lo, hi := bounds(p)
			for k := lo; k < hi; k++ {
				counts[k] = tok.terms(all[k])
			}
		})
	}
	wg.Wait()
	for _, r := range panics {
		if r != nil {
			panic(r)
		}
	}
	for p := range parts {
		ids := make([]int32, len(local[p].keys))
		for i, w := range local[p].keys {
			ids[i] = v.add(w)
		}
		lo, hi := bounds(p)
		for _, c := range counts[lo:hi] {
			for i := range c {
				c[i].term = ids[c[i].term]
			}
			slices.SortFunc(c, func(a, b termCount) int { return cmp.Compare(a.term, b.term) })
		}
	}
	return counts
}

// parts is how many parts countTerms splits n texts into: one per processor, none
// smaller than minPart.
func parts(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n/minPart)) }

// minPart is the fewest texts worth a part of their own in countTerms.
const minPart = 512

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
