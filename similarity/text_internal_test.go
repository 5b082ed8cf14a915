package similarity

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// Counting the texts in parts numbers every term as counting them one after another does,
// and counts them the same.
func TestCountTermsInPartsAsInOne(t *testing.T) {
	var all []Features
	for i := range 50 {
		all = append(all, Features{Title: fmt.Sprintf("Engineer %d", i%7),
			Text: []string{fmt.Sprintf("systems word%d word%d", i, i%5), "shared text of roles", fmt.Sprintf("late%d", 50-i)}})
	}
	one := vocabulary{index: map[string]int32{}}
	want := countTerms(&one, all, 1)
	for _, parts := range []int{2, 3, 7, 100} {
		v := vocabulary{index: map[string]int32{}}
		got := countTerms(&v, all, parts)
		if !reflect.DeepEqual(v.keys, one.keys) || !reflect.DeepEqual(got, want) {
			t.Errorf("in %d parts: terms %v, counts %v; in one: %v, %v", parts, v.keys, got[:2], one.keys, want[:2])
		}
	}
}

// Fitting in parts gives the model and the vectors fitting in one does.
func TestFitVectorsInPartsAsInOne(t *testing.T) {
	var all []Features
	for i := range 50 {
		all = append(all, Features{Title: fmt.Sprintf("Engineer %d", i%7), Tech: []string{fmt.Sprintf("t%d", i%4), "t0", fmt.Sprintf("t%d", i%9)},
			Ratings: map[string]float64{fmt.Sprintf("r%d", i%6): float64(i % 5), "r1": 2, fmt.Sprintf("q%d", i): 1},
			Text:    []string{fmt.Sprintf("systems word%d word%d", i, i%5), "shared text of roles"}})
	}
	defer func(f func(int) int) { parts = f }(parts)
	parts = func(int) int { return 1 }
	model, want := FitVectors(all, DefaultWeights)
	for _, n := range []int{2, 3, 7} {
		parts = func(int) int { return n }
		m, got := FitVectors(all, DefaultWeights)
		if !reflect.DeepEqual(m, model) || !reflect.DeepEqual(got, want) {
			t.Errorf("in %d parts: vectors %v; in one: %v", n, got[:2], want[:2])
		}
	}
}

// plainWords is splitWords as its comment defines it, written the plain way: the words of
// the lower-cased text, two bytes or longer, common words dropped, plurals folded.
func plainWords(s string) []string {
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

// The allocation-free word splitter gives the words the plain definition gives, Unicode,
// invalid UTF-8 and case changes that change a letter's length included.
func TestEachWordAsPlainSplit(t *testing.T) {
	for _, s := range []string{"", "Network Engineers", "the policies of networks", "IT-Support/Desk (Tier 2)",
		"ÉCOLE Zürich Straße", "İstanbul KELVİN", "Ωmega ΣΊΣΥΦΟΣ", "bad \xff\xfe bytes\xc3", "ﬁle cafés", "a b 12 x9s ss us bus bus",
		"\uFFFD valid replacement", "Licensed Practical Nurses’ duties", "日本語のテキスト", "Ⅻ ⅷ ① ٣٤٥"} {
		if got, want := splitWords(s), plainWords(s); !reflect.DeepEqual(got, want) {
			t.Errorf("splitWords(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzEachWord(f *testing.F) {
	f.Add("Network Engineers of the policies")
	f.Add("İstanbul \xff ΣΊΣΥΦΟΣ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := splitWords(s), plainWords(s); !reflect.DeepEqual(got, want) {
			t.Errorf("splitWords(%q) = %q, want %q", s, got, want)
		}
	})
}
