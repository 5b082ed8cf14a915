package planner_test

import (
	"context"
	"slices"
	"testing"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/planner"
)

// A help desk technician's natural next roles, per the guide, are systems and network
// administrator: with only their skills, or only their role, those two come first.
func TestRecommendationsForHelpDesk(t *testing.T) {
	pl := curated(t)
	ctx := context.Background()
	skillsOnly := planner.Profile{Skills: map[string]float64{"ticketing-user-support": 3, "windows-desktop-support": 3,
		"troubleshooting": 3, "networking-fundamentals": 2, "active-directory": 2, "stakeholder-communication": 3,
		"technical-documentation": 2}}
	roleOnly := planner.Profile{RoleID: "help-desk-technician"}
	for name, p := range map[string]planner.Profile{"skills only": skillsOnly, "role only": roleOnly} {
		recs, err := pl.Recommend(ctx, p, 5)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if recs.Start.Role.ID != "help-desk-technician" {
			t.Errorf("%s: starts at %s", name, recs.Start.Role.ID)
		}
		top := []string{recs.Roles[0].Role.ID, recs.Roles[1].Role.ID}
		slices.Sort(top)
		if top[0] != "network-administrator" || top[1] != "systems-administrator" {
			t.Errorf("%s: top two are %v, want network and systems administrator", name, top)
		}
		for i, r := range recs.Roles {
			if r.Reason == "" || r.Score <= 0 || r.Score > 1 || (i > 0 && r.Score > recs.Roles[i-1].Score) {
				t.Errorf("%s: role %d %+v", name, i, r)
			}
			if r.Role.ID == "help-desk-technician" {
				t.Errorf("%s: recommends the role the person already holds", name)
			}
		}
		if len(recs.Certifications) == 0 || len(recs.Skills) == 0 {
			t.Errorf("%s: no certifications or skills to suggest", name)
		}
	}
}

// For a networking target, networking certifications close more of the gap than
// unrelated ones (cloud, virtualization, service management).
func TestNetworkingTargetRanksNetworkingCertificationsFirst(t *testing.T) {
	pl := curated(t)
	ctx := context.Background()
	start := startAt(t, pl, "help-desk-technician")
	g, err := pl.SkillGap(ctx, start, "network-administrator")
	if err != nil {
		t.Fatal(err)
	}
	lastNetworking, firstUnrelated := -1, len(g.Certifications)
	for i, c := range g.Certifications {
		switch c.Certification.Domain {
		case "Networking":
			lastNetworking = i
		case "Cloud", "Virtualization", "Service management":
			firstUnrelated = min(firstUnrelated, i)
		}
	}
	if lastNetworking < 0 || lastNetworking > firstUnrelated {
		for _, c := range g.Certifications {
			t.Logf("%s (%s) %.3f", c.Certification.ID, c.Certification.Domain, c.Share)
		}
		t.Error("an unrelated certification ranks above a networking one")
	}
}

func TestRecommendationLimits(t *testing.T) {
	pl := curated(t)
	for _, first := range []int{0, 21} {
		if _, err := pl.Recommend(context.Background(), planner.Profile{RoleID: "help-desk-technician"}, first); !planner.IsInputError(err) {
			t.Errorf("first=%d: got %v", first, err)
		}
	}
}

// The planner answers from a snapshot; after an import, its next refresh (KeepFresh's
// tick, here called directly) answers from the graph as it is.
func TestRecommendationsFollowImports(t *testing.T) {
	st := neo4jtest.Scratch(t)
	ctx := context.Background()
	pl := over(t, st)
	if _, err := pl.Recommend(ctx, planner.Profile{RoleID: "help-desk-technician"}, 3); err != nil {
		t.Fatal(err)
	}
	ds := neo4jtest.Curated(t)
	ds.Roles = slices.DeleteFunc(ds.Roles, func(r domain.Role) bool { return r.ID == "systems-administrator" })
	ds.Requirements = slices.DeleteFunc(ds.Requirements, func(r domain.Requirement) bool { return r.Role == "systems-administrator" })
	ds.Endorsements = slices.DeleteFunc(ds.Endorsements, func(e domain.Endorsement) bool { return e.Role == "systems-administrator" })
	ds.Progressions = slices.DeleteFunc(ds.Progressions, func(p domain.Progression) bool {
		return p.From == "systems-administrator" || p.To == "systems-administrator"
	})
	if err := st.Import(ctx, ds); err != nil {
		t.Fatal(err)
	}
	if err := pl.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	recs, err := pl.Recommend(ctx, planner.Profile{RoleID: "help-desk-technician"}, 20)
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(recs.Roles, func(r planner.RoleRecommendation) bool { return r.Role.ID == "systems-administrator" }) {
		t.Fatal("still recommends a role the last import removed")
	}
}
