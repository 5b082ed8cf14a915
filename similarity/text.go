package similarity

import (
	"slices"
	"strings"
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
