package planner

import (
	"strings"
	"testing"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/skillgap"
)

// The share of requirements met is said when the person holds some of them, and left out
// when the profile names none of the role's skills.
func TestReasonSaysCoverageOnlyWhenComparable(t *testing.T) {
	from := domain.Role{Title: "Help Desk Technician", Level: "ENTRY"}
	to := domain.Role{Title: "Network Architects", Level: "SENIOR"}
	unrelated := RoleRecommendation{Role: to, MissingSkills: []skillgap.Shortfall{{SkillID: "onet-2-b-3-e", Required: 4, Importance: 3}}}
	if got := reason(from, unrelated, nil); strings.Contains(got, "you meet") {
		t.Errorf("a profile naming none of the role's skills: %q", got)
	}
	partly := RoleRecommendation{Role: to, Parts: ScoreParts{Skills: 0.4},
		MissingSkills: []skillgap.Shortfall{{SkillID: "bgp", Required: 4, Held: 2, Importance: 3}}}
	if got := reason(from, partly, nil); !strings.Contains(got, "you meet 40% of its skill requirements and have 1 skill to build") {
		t.Errorf("a skill held below its level: %q", got)
	}
	met := RoleRecommendation{Role: to, Parts: ScoreParts{Skills: 1}, MatchedSkills: []string{"bgp"}}
	if got := reason(from, met, nil); !strings.Contains(got, "you meet 100% of its skill requirements.") {
		t.Errorf("every skill held: %q", got)
	}
}
