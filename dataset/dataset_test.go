package dataset_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/internal/neo4jtest"
)

func TestCuratedDatasetIsValid(t *testing.T) {
	ds, err := dataset.Load(filepath.Join("..", dataset.DefaultPath))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Roles) < 15 || len(ds.Skills) < 40 || len(ds.Certifications) < 15 {
		t.Errorf("dataset is smaller than expected: %d roles, %d skills, %d certifications",
			len(ds.Roles), len(ds.Skills), len(ds.Certifications))
	}
	for _, id := range []string{"help-desk-technician", "junior-systems-administrator", "systems-administrator",
		"network-administrator", "it-infrastructure-engineer-assistant", "it-infrastructure-engineer",
		"senior-it-infrastructure-engineer", "it-infrastructure-manager", "it-incident-manager",
		"it-implementation-specialist", "devops-itsm-engineer", "it-compliance-manager",
		"cloud-engineer", "infrastructure-security-engineer"} {
		found := false
		for _, r := range ds.Roles {
			found = found || r.ID == id
		}
		if !found {
			t.Errorf("the guide's role %s is missing", id)
		}
	}
}

// Every salary range taken from the career guide must appear in it, written as the guide
// writes it ($52K–$85K), so a typo in the dataset cannot pass for a fact.
func TestSalariesMatchTheGuide(t *testing.T) {
	guide, err := os.ReadFile(neo4jtest.Shared(t, "seed/it-infrastructure-engineer-career-guide.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := dataset.Load(filepath.Join("..", dataset.DefaultPath))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, r := range ds.Roles {
		if r.Salary == nil || r.Salary.SourceID != "it-infra-guide" {
			continue
		}
		want := fmt.Sprintf("$%dK–$%dK", r.Salary.Min/1000, r.Salary.Max/1000)
		if !strings.Contains(string(guide), want) {
			t.Errorf("role %s: salary %s does not appear in the guide", r.ID, want)
		}
		checked++
	}
	if checked < 7 {
		t.Errorf("checked %d salaries, want at least 7", checked)
	}
}

func TestBrokenDatasetsAreRejected(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("..", dataset.DefaultPath))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new string
		want           []string // all must appear in the error
	}{
		{"dangling skill", "{skill: ticketing-user-support, importance: 5, level: 3}",
			"{skill: no-such-skill, importance: 5, level: 3}",
			[]string{`roles "help-desk-technician": skills "no-such-skill"`, "skill:", "does not name any"}},
		{"dangling next role", "{to: systems-administrator, typicalYears: 3, kind: PROMOTION}\n      - {to: network-administrator",
			"{to: nowhere, typicalYears: 3, kind: PROMOTION}\n      - {to: network-administrator",
			[]string{`nextRoles "nowhere"`, "to:"}},
		{"duplicate id", "  - id: junior-systems-administrator", "  - id: help-desk-technician",
			[]string{`roles[1] "help-desk-technician"`, "id: duplicate id"}},
		{"salary min above max", "salary: {min: 52000, max: 85000", "salary: {min: 95000, max: 85000",
			[]string{`roles "it-infrastructure-engineer-assistant"`, "salary.min: 95000 is above salary.max 85000"}},
		{"negative years", "experience: {min: 0, max: 3}\n    education: Associate degree, technical school or self-taught with certifications\n    summary: First",
			"experience: {min: -2, max: 3}\n    education: Associate degree, technical school or self-taught with certifications\n    summary: First",
			[]string{`roles "help-desk-technician"`, "experience.min: -2 years is negative"}},
		{"importance out of range", "{skill: ticketing-user-support, importance: 5, level: 3}",
			"{skill: ticketing-user-support, importance: 9, level: 3}",
			[]string{"importance: 9 is outside 1..5"}},
		{"unknown enum", "track: SUPPORT", "track: HELPDESK", []string{"track:", `"HELPDESK" is not one of`}},
		{"unknown field", "alternateTitles: [IT Support Specialist", "alternativeTitles: [IT Support Specialist",
			[]string{"alternativeTitles"}},
		{"zero typical years", "{to: systems-administrator, typicalYears: 3, kind: PROMOTION}\n      - {to: network-administrator",
			"{to: systems-administrator, typicalYears: 0, kind: PROMOTION}\n      - {to: network-administrator",
			[]string{"typicalYears: 0 is outside"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			broken := strings.Replace(string(base), tt.old, tt.new, 1)
			if broken == string(base) {
				t.Fatalf("test setup: %q not found in the dataset", tt.old)
			}
			_, err := dataset.Parse("broken.yaml", []byte(broken))
			if err == nil {
				t.Fatal("broken dataset was accepted")
			}
			for _, w := range append(tt.want, "broken.yaml") {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not mention %q:\n%v", w, err)
				}
			}
		})
	}
}
