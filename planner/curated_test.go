package planner_test

import (
	"context"
	"errors"
	"testing"

	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

// The guide's trajectory: help desk or junior sysadmin for 0-3 years, systems or
// network administrator from 3 to 6 years, infrastructure engineer or senior from 6 on.
func TestHelpDeskToSeniorFollowsTheGuide(t *testing.T) {
	pl := curated(t)
	ctx := context.Background()
	start := startAt(t, pl, "help-desk-technician")
	got, err := pl.Paths(ctx, start, planner.PathQuery{To: "senior-it-infrastructure-engineer", RankBy: planner.ByYears,
		First: 10, MaxSteps: 6, Via: "systems-administrator", Avoid: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Paths) == 0 {
		t.Fatal("no path from help desk through systems administration to senior engineer")
	}
	best := got.Paths[0]
	wantRoles := []string{"help-desk-technician", "systems-administrator", "it-infrastructure-engineer", "senior-it-infrastructure-engineer"}
	if key := planner.Key(best.Roles); key != "help-desk-technician>systems-administrator>it-infrastructure-engineer>senior-it-infrastructure-engineer>" {
		t.Fatalf("best path = %s, want %v", key, wantRoles)
	}
	// Years spent before each role: sysadmin after 3 (the guide's 3-6), engineer after 6
	// (6+), senior after more than 6.
	elapsed := 0.0
	at := map[string]float64{}
	for _, s := range best.Steps {
		elapsed += s.TypicalYears
		at[s.To.ID] = elapsed
	}
	if y := at["systems-administrator"]; y < 3 || y > 6 {
		t.Errorf("systems administrator reached after %v years, the guide says 3-6", y)
	}
	if y := at["it-infrastructure-engineer"]; y < 6 {
		t.Errorf("infrastructure engineer reached after %v years, the guide says 6+", y)
	}
	if best.TotalYears < 6 || best.TotalYears != at["senior-it-infrastructure-engineer"] {
		t.Errorf("total years %v, the guide says senior at 6+", best.TotalYears)
	}
	for _, s := range best.Steps {
		if s.Kind != "PROMOTION" {
			t.Errorf("step to %s is %s; the guide's ladder is promotions", s.To.ID, s.Kind)
		}
	}
	if len(best.Steps[1].SkillsToGain) == 0 {
		t.Error("moving up from systems administrator requires nothing new")
	}
}

func TestSkillGapToNetworkAdministrator(t *testing.T) {
	pl := curated(t)
	ctx := context.Background()
	start := startAt(t, pl, "help-desk-technician")
	g, err := pl.SkillGap(ctx, start, "network-administrator")
	if err != nil {
		t.Fatal(err)
	}
	if g.Total <= 0 || g.Total > g.Possible || g.Coverage <= 0 || g.Coverage >= 1 {
		t.Errorf("total %v of possible %v, coverage %v", g.Total, g.Possible, g.Coverage)
	}
	if len(g.Certifications) == 0 || g.Certifications[0].Certification.Domain != "Networking" {
		t.Errorf("the certification closing most of a network administrator's gap should be a networking one: %+v", g.Certifications)
	}
	checkCertificationOrder(t, g.Certifications)
}

func TestProfileWithoutRoleStartsAtBestMatch(t *testing.T) {
	pl := curated(t)
	ctx := context.Background()
	profile := &planner.Profile{Skills: map[string]float64{"ticketing-user-support": 3, "windows-desktop-support": 3,
		"troubleshooting": 3, "stakeholder-communication": 3}}
	start, err := pl.ResolveStart(ctx, "", profile)
	if err != nil {
		t.Fatal(err)
	}
	if start.Role.ID != "help-desk-technician" || !start.Matched {
		t.Errorf("start = %s (matched %v), want help desk", start.Role.ID, start.Matched)
	}
	withCert := &planner.Profile{Certifications: []string{"cisco-ccna"}, Skills: map[string]float64{}}
	start, err = pl.ResolveStart(ctx, "", withCert)
	if err != nil {
		t.Fatal(err)
	}
	if start.Held["vlan-design"] != 4 {
		t.Errorf("holding CCNA should count as vlan-design at level 4, got %v", start.Held["vlan-design"])
	}
}

func TestBadQuestions(t *testing.T) {
	pl := curated(t)
	ctx := context.Background()
	start := startAt(t, pl, "help-desk-technician")
	ok := planner.PathQuery{To: "systems-administrator", RankBy: planner.ByYears, First: 3, MaxSteps: 6}
	tests := map[string]func(q *planner.PathQuery){
		"too many paths": func(q *planner.PathQuery) { q.First = 11 },
		"too many steps": func(q *planner.PathQuery) { q.MaxSteps = 9 },
		"no steps":       func(q *planner.PathQuery) { q.MaxSteps = 0 },
		"same role":      func(q *planner.PathQuery) { q.To = "help-desk-technician" },
		"avoid target":   func(q *planner.PathQuery) { q.Avoid = []string{"systems-administrator"} },
		"via target":     func(q *planner.PathQuery) { q.Via = "systems-administrator" },
		"bad ranking":    func(q *planner.PathQuery) { q.RankBy = "FUN" },
	}
	for name, change := range tests {
		q := ok
		change(&q)
		if _, err := pl.Paths(ctx, start, q); !planner.IsInputError(err) {
			t.Errorf("%s: got %v, want an input error", name, err)
		}
	}
	q := ok
	q.Avoid = []string{"no-such-role"}
	if _, err := pl.Paths(ctx, start, q); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown role in avoid: got %v, want not found", err)
	}
	if _, err := pl.ResolveStart(ctx, "help-desk-technician", &planner.Profile{}); !planner.IsInputError(err) {
		t.Errorf("from and profile together: got %v", err)
	}
	if _, err := pl.ResolveStart(ctx, "", &planner.Profile{}); !planner.IsInputError(err) {
		t.Errorf("empty profile: got %v", err)
	}
	if _, err := pl.ResolveStart(ctx, "", &planner.Profile{Skills: map[string]float64{"juggling": 3}}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown skill: got %v", err)
	}
	if _, err := pl.Reachable(ctx, start, planner.ReachQuery{}); !planner.IsInputError(err) {
		t.Errorf("reach without limits: got %v", err)
	}
}

// checkCertificationOrder checks certifications are ranked by the gap they close, except
// that a certification to take first always comes before the ones it prepares for.
func checkCertificationOrder(t *testing.T, certs []planner.Closing) {
	t.Helper()
	pos := map[string]int{}
	for i, c := range certs {
		pos[c.Certification.ID] = i
	}
	firstFor := map[string]bool{}
	for i, c := range certs {
		for _, f := range c.TakeFirst {
			if j, ok := pos[f.ID]; ok && j > i {
				t.Errorf("%s comes after %s, which it should come before", f.ID, c.Certification.ID)
			}
			firstFor[f.ID] = true
		}
	}
	for i := 1; i < len(certs); i++ {
		if certs[i].Weight > certs[i-1].Weight && !firstFor[certs[i-1].Certification.ID] {
			t.Errorf("%s closes more of the gap than %s, ranked above it", certs[i].Certification.ID, certs[i-1].Certification.ID)
		}
	}
}
