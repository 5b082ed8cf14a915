package planner

import (
	"fmt"
	"strings"

	"github.com/careergraph/careergraph/career"
)

// reason says in one line why a role is recommended.
func reason(from career.Role, r RoleRecommendation) string {
	var b strings.Builder
	if r.Move != nil {
		fmt.Fprintf(&b, "A typical %s from %s after about %s", kindWord(r.Move.Kind), from.Title, years(r.Move.TypicalYears))
	} else {
		fmt.Fprintf(&b, "%s %s", levelWord(from, r.Role), from.Title)
	}
	fmt.Fprintf(&b, "; you meet %.0f%% of its skill requirements", 100*r.Parts.Skills)
	if n := len(r.MissingSkills); n > 0 {
		fmt.Fprintf(&b, " and have %d skill%s to build", n, plural(n))
	}
	return b.String() + "."
}

func kindWord(kind string) string {
	switch kind {
	case career.KindPromotion:
		return "promotion"
	case career.KindSpecialization:
		return "specialisation"
	}
	return "lateral move"
}

func levelWord(from, to career.Role) string {
	switch d := career.LevelRank(to.Level) - career.LevelRank(from.Level); {
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
