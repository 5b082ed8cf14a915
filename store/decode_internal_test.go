package store

import (
	"math"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/domain"
)

// goodRole is a role's properties as the importer writes them.
func goodRole() map[string]any {
	return map[string]any{"id": "r", "title": "R", "track": "SUPPORT", "level": "ENTRY", "experienceMin": 0.0,
		"experienceMax": 3.0, "summary": "s", "alternateTitles": []any{"a"}, "sources": []any{"x"}, "origin": "curated"}
}

// Every property the service reads is checked: a bad value is a problem naming the
// property, the field it fills and why, and is never passed on as a made-up value.
func TestDecodeRoleChecksEveryProperty(t *testing.T) {
	if r := decodeRole(goodRole()); r.Bad() {
		t.Fatalf("a good role has problems: %+v", r.Problems)
	}
	for _, c := range []struct {
		key           string
		value         any
		field, reason string
	}{
		{"title", nil, "title", domain.ReasonMissing},
		{"title", "", "title", domain.ReasonMissing},
		{"title", 42.0, "title", domain.ReasonWrongType},
		{"title", strings.Repeat("x", maxText+1), "title", domain.ReasonTooLarge},
		{"level", "WIZARD", "level", domain.ReasonUnknownValue},
		{"track", nil, "track", domain.ReasonMissing},
		{"experienceMin", -1.0, "experience", domain.ReasonOutOfRange},
		{"experienceMin", math.NaN(), "experience", domain.ReasonOutOfRange},
		{"experienceMin", math.Inf(1), "experience", domain.ReasonOutOfRange},
		{"experienceMin", "3", "experience", domain.ReasonWrongType},
		{"experienceMax", -2.0, "experience", domain.ReasonOutOfRange},
		{"alternateTitles", []any{"a", 1.0}, "alternateTitles", domain.ReasonWrongType},
		{"alternateTitles", "a", "alternateTitles", domain.ReasonWrongType},
		{"jobZone", 9.0, "jobZone", domain.ReasonOutOfRange},
		{"jobZone", 2.5, "jobZone", domain.ReasonWrongType},
		{"salaryMin", "lots", "salary", domain.ReasonWrongType},
	} {
		m := goodRole()
		m[c.key] = c.value
		if c.key == "salaryMin" {
			m["salaryMax"], m["salaryCurrency"] = 90000.0, "USD"
		}
		r := decodeRole(m)
		p := domain.FieldProblem(r.Problems, c.field)
		if p == nil || p.Reason != c.reason || p.Property != c.key || p.Kind != domain.RecordRole || p.From != "r" {
			t.Errorf("%s = %v: problems %+v; want %s on field %s", c.key, c.value, r.Problems, c.reason, c.field)
		}
	}
}

// The edge lists of the snapshot read keep their alignment whatever is null: each edge
// is checked on its own.
func TestEdgesAreCheckedOneByOne(t *testing.T) {
	g := &PlannerGraph{}
	g.readEnds([]any{
		[]any{"k-a", "a", []any{"Skill"}},
		[]any{"k-b", "b", []any{"Skill"}},
		[]any{"k-c", "c", []any{"Role"}},
		[]any{"k-x", nil, []any{"Skill"}},
		[]any{"k-d", "d", []any{"Skill", "Other"}},
		[]any{"k-a2", "a", []any{"Skill"}}, // another node with a's id
		"garbage",
	})
	var kept []string
	raw := []any{
		[]any{"k-a", 3.0, 2.0},
		[]any{"k-b", nil, 2.0},           // importance missing
		[]any{"k-c", 3.0, 2.0},           // a Role at the end
		[]any{"k-x", 3.0, 2.0},           // an end without an id
		[]any{"k-a", 3.0, 2.0},           // a second edge to a
		[]any{"k-a2", 3.0, 2.0},          // and a third, to the other node with a's id
		[]any{"k-d", "high", math.NaN()}, // two problems, one edge
		[]any{"k-gone", 3.0, 2.0},        // an end not read: left out, as a dangling edge is
		"garbage",
	}
	g.edgeList(raw, domain.RecordRequirement, "r", "Skill", []string{"importance", "level"}, func(to string, p *props) {
		p.num("importance", "importance", minImportance, maxImportance, true)
		p.num("level", "level", minLevel, maxLevel, true)
		if g.reject(p.problems) {
			kept = append(kept, to)
		}
	})
	if len(kept) != 1 || kept[0] != "a" {
		t.Errorf("kept %v, want only a", kept)
	}
	reasons := map[string]int{}
	for _, p := range g.Problems {
		reasons[p.Reason]++
	}
	want := map[string]int{domain.ReasonMissing: 2, domain.ReasonWrongLabel: 1, domain.ReasonDuplicate: 2,
		domain.ReasonWrongType: 2, domain.ReasonOutOfRange: 1}
	for r, n := range want {
		if reasons[r] != n {
			t.Errorf("%d problems of reason %s, want %d (all: %+v)", reasons[r], r, n, g.Problems)
		}
	}
	// Another role's list may end where this one's did.
	g.Problems, kept = nil, nil
	g.edgeList([]any{[]any{"k-a", 3.0, 2.0}}, domain.RecordRequirement, "s", "Skill", []string{"importance", "level"}, func(to string, p *props) {
		if g.reject(p.problems) {
			kept = append(kept, to)
		}
	})
	if len(kept) != 1 || len(g.Problems) != 0 {
		t.Errorf("the next list kept %v with problems %+v", kept, g.Problems)
	}
}
