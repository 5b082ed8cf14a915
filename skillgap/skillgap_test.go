package skillgap_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/careergraph/careergraph/skillgap"
)

func TestShortfalls(t *testing.T) {
	held := skillgap.Held{"bgp": 2, "ospf": 5}
	needs := []skillgap.Need{{"bgp", 4, 4}, {"ospf", 5, 4}, {"vlan", 3, 3}, {"aws", 5, 5}}
	got := skillgap.Shortfalls(held, needs)
	want := []skillgap.Shortfall{
		{SkillID: "aws", Importance: 5, Required: 5, Held: 0, Weight: 5},
		{SkillID: "vlan", Importance: 3, Required: 3, Held: 0, Weight: 3},
		{SkillID: "bgp", Importance: 4, Required: 4, Held: 2, Weight: 2},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if total := skillgap.Total(got); total != 10 {
		t.Errorf("total = %v, want 10", total)
	}
	if c := skillgap.Coverage(held, needs); c != 1-10.0/17 {
		t.Errorf("coverage = %v", c)
	}
}

func TestRaiseKeepsTheHigherLevel(t *testing.T) {
	h := skillgap.Held{"a": 5}
	h.Raise([]skillgap.Need{{"a", 3, 3}, {"b", 2, 4}})
	if diff := cmp.Diff(skillgap.Held{"a": 5, "b": 4}, h); diff != "" {
		t.Error(diff)
	}
}

func TestRankCertifications(t *testing.T) {
	sf := []skillgap.Shortfall{{SkillID: "aws", Weight: 5}, {SkillID: "vlan", Weight: 3}, {SkillID: "bgp", Weight: 2}}
	validates := map[string][]string{
		"aws-sa": {"aws", "iam"},
		"ccna":   {"vlan", "bgp"},
		"ccnp":   {"bgp", "vlan"},
		"unused": {"cooking"},
		"held":   {"aws", "vlan", "bgp"},
	}
	got := skillgap.RankCertifications(sf, validates, map[string]bool{"held": true})
	want := []skillgap.Closing{
		{CertificationID: "ccna", SkillIDs: []string{"bgp", "vlan"}, Count: 2, Weight: 5, Share: 0.5},
		{CertificationID: "ccnp", SkillIDs: []string{"bgp", "vlan"}, Count: 2, Weight: 5, Share: 0.5},
		{CertificationID: "aws-sa", SkillIDs: []string{"aws"}, Count: 1, Weight: 5, Share: 0.5},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
