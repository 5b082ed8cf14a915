package planner

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/oews"
	"github.com/careergraph/careergraph/skillgap"
)

// reason says in one line why a role is recommended; names holds the names of the
// shared skills.
func reason(from domain.Role, r RoleRecommendation, names map[string]string) string {
	var b strings.Builder
	if r.Move != nil {
		fmt.Fprintf(&b, "A typical %s from %s after about %s", kindWord(r.Move.Kind), from.Title, years(r.Move.TypicalYears))
	} else {
		fmt.Fprintf(&b, "%s %s", levelWord(from, r.Role), from.Title)
	}
	fmt.Fprintf(&b, "; %.0f%% alike", math.Round(100*r.Parts.Similarity))
	var shared []string
	for _, id := range r.SharedSkills {
		if n := names[id]; n != "" {
			shared = append(shared, n)
		}
	}
	if len(shared) > 0 {
		fmt.Fprintf(&b, ", most of all in %s", list(shared))
	}
	// The share met is said only when the person holds some of the role's requirements:
	// a profile that names none of them (curated skills against an O*NET occupation's
	// elements, say) is not measured by them.
	if holdsAny(r) {
		fmt.Fprintf(&b, "; you meet %.0f%% of its skill requirements", math.Round(100*r.Parts.Skills))
		if n := len(r.MissingSkills); n > 0 {
			fmt.Fprintf(&b, " and have %d skill%s to build", n, plural(n))
		}
	}
	return b.String() + "."
}

// holdsAny reports whether the person holds any of the role's required skills, at any level.
func holdsAny(r RoleRecommendation) bool {
	return len(r.MatchedSkills) > 0 || slices.ContainsFunc(r.MissingSkills, func(s skillgap.Shortfall) bool { return s.Held > 0 })
}

func kindWord(kind string) string {
	switch kind {
	case domain.KindPromotion:
		return "promotion"
	case domain.KindSpecialization:
		return "specialisation"
	}
	return "lateral move"
}

func levelWord(from, to domain.Role) string {
	switch d := domain.LevelRank(to.Level) - domain.LevelRank(from.Level); {
	case d == 1:
		return "One level above"
	case d > 1:
		return fmt.Sprintf("%d levels above", d)
	case d == 0:
		return "At the same level as"
	}
	return "Below"
}

func years(y float64) string {
	if y == 1 {
		return "1 year"
	}
	return fmt.Sprintf("%g years", y)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// list joins names as prose: "a", "a and b", "a, b and c".
func list(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// payNote says how the median pay of a recommended role compares with the person's own,
// where both are known: " Median pay $18,400 higher in Texas."
func payNote(from, to *domain.Wage) string {
	a, b, ok := pointOf(from).compare(pointOf(to))
	if !ok || a == b {
		return ""
	}
	where := "in " + to.Area.Name
	switch {
	case to.Area.ID != from.Area.ID:
		where = fmt.Sprintf("(%s figure against %s)", to.Area.Name, from.Area.Name)
	case to.Area.ID == oews.National:
		where = "nationally" // "in the U.S." would end the sentence in two periods
	}
	dir, d := "higher", b-a
	if d < 0 {
		dir, d = "lower", -d
	}
	if from.Median != nil && to.Median != nil {
		return fmt.Sprintf(" Median pay $%s %s %s.", thousands(int(math.Round(d))), dir, where)
	}
	return fmt.Sprintf(" Median pay $%.2f an hour %s %s.", d, dir, where)
}

// thousands writes n with commas: 18400 as 18,400.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
