package similarity

import (
	"fmt"
	"reflect"
	"testing"
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
