package similarity

import (
	"strings"
	"unicode"
)

// titleWeight is how many times a word of the title counts against one of the text.
const titleWeight = 3

// terms counts the words of f's title and text, without common words, plurals folded.
func terms(f Features) map[string]float64 {
	out := map[string]float64{}
	add := func(s string, w float64) {
		for _, word := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}) {
			if len(word) < 2 || stopWords[word] {
				continue
			}
			out[stem(word)] += w
		}
	}
	add(f.Title, titleWeight)
	for _, t := range f.Text {
		add(t, 1)
	}
	return out
}

// stem folds simple English plurals: "engineers" → "engineer", "policies" → "policy".
func stem(w string) string {
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
