package planner

import (
	"slices"
	"testing"

	"github.com/careergraph/careergraph/skillgap"
)

// Score lists borrowed from the pool carry nothing from the request before: the same
// question asked again, after another, gets the same matches and similarities.
func TestBorrowedScoresCarryNothingOver(t *testing.T) {
	s := newSnapshot(skillGraph(50))
	a, b := skillgap.Held{"s1": 4, "s2": 3}, skillgap.Held{"s4": 5}
	first := s.rankMatches(b, 5)
	s.rankMatches(a, 5)
	if again := s.rankMatches(b, 5); len(first) == 0 || !slices.Equal(again, first) {
		t.Errorf("matches %v, then after another question %v", first, again)
	}
}
