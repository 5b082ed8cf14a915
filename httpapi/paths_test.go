package httpapi_test

import (
	"strings"
	"testing"
)

func TestCareerPathsAPI(t *testing.T) {
	srv, _ := newServer(t)
	var data struct {
		CareerPaths struct {
			Start  struct{ Role struct{ ID string } }
			Target struct{ ID string }
			Paths  []struct {
				Rank, StepCount int
				TotalYears      float64
				Roles           []struct{ ID string }
				SalaryChange    *struct{ MinChange, MaxChange int }
				Steps           []struct {
					Kind         string
					SkillsToGain []struct {
						Skill          struct{ ID string }
						Weight         float64
						Certifications []struct{ ID string }
					}
				}
			}
		}
	}
	r := query(t, srv, `{ careerPaths(from: "help-desk-technician", to: "senior-it-infrastructure-engineer", first: 3, promotionsOnly: true) {
		start { role { id } } target { id }
		paths { rank stepCount totalYears roles { id } salaryChange { minChange maxChange }
			steps { kind skillsToGain { skill { id } weight certifications { id } } } } } }`, nil, &data)
	noErrors(t, r)
	cp := data.CareerPaths
	// Promotions only: through systems or network administration (the assistant route
	// starts with a lateral move).
	if cp.Start.Role.ID != "help-desk-technician" || cp.Target.ID != "senior-it-infrastructure-engineer" || len(cp.Paths) != 2 {
		t.Fatalf("start %s, target %s, %d paths; want 2 from help desk to senior", cp.Start.Role.ID, cp.Target.ID, len(cp.Paths))
	}
	for i, p := range cp.Paths {
		if p.Rank != i+1 || p.StepCount != len(p.Steps) || p.Roles[0].ID != "help-desk-technician" {
			t.Errorf("path %d: %+v", i, p)
		}
		if i > 0 && p.TotalYears < cp.Paths[i-1].TotalYears {
			t.Errorf("paths not ranked by years: %v after %v", p.TotalYears, cp.Paths[i-1].TotalYears)
		}
		for _, s := range p.Steps {
			if s.Kind != "PROMOTION" {
				t.Errorf("promotionsOnly let through a %s", s.Kind)
			}
		}
	}
	withCerts := false
	for _, s := range cp.Paths[0].Steps {
		for _, g := range s.SkillsToGain {
			withCerts = withCerts || len(g.Certifications) > 0
		}
	}
	if !withCerts {
		t.Error("no skill to gain on the best path names a certification that validates it")
	}
}

func TestCareerPathsForAProfile(t *testing.T) {
	srv, _ := newServer(t)
	var data struct {
		CareerPaths struct {
			Start struct {
				Role               struct{ ID string }
				MatchedFromProfile bool
				Coverage           float64
			}
			Paths []struct{ TotalYears float64 }
		}
	}
	r := query(t, srv, `query($p: ProfileInput) { careerPaths(profile: $p, to: "it-infrastructure-engineer", rankBy: SKILL_GAP) {
		start { role { id } matchedFromProfile coverage } paths { totalYears } } }`,
		map[string]any{"p": map[string]any{
			"skills":         []map[string]any{{"skill": "vlan-design", "level": 4}, {"skill": "ospf", "level": 4}, {"skill": "networking-fundamentals", "level": 5}},
			"certifications": []string{"cisco-ccna"},
		}}, &data)
	noErrors(t, r)
	s := data.CareerPaths.Start
	if s.Role.ID != "network-administrator" || !s.MatchedFromProfile || s.Coverage <= 0 {
		t.Errorf("a networking profile starts at %+v, want network administrator", s)
	}
	if len(data.CareerPaths.Paths) == 0 {
		t.Error("no path for the profile")
	}
}

func TestReachableRolesAPI(t *testing.T) {
	srv, _ := newServer(t)
	var data struct {
		ReachableRoles struct {
			Roles []struct {
				Role          struct{ ID string }
				ShortestYears float64
				FewestSteps   int
				Paths         int
			}
		}
	}
	r := query(t, srv, `{ reachableRoles(from: "help-desk-technician", withinYears: 3) { roles { role { id } shortestYears fewestSteps paths } } }`, nil, &data)
	noErrors(t, r)
	got := map[string]float64{}
	for _, rr := range data.ReachableRoles.Roles {
		got[rr.Role.ID] = rr.ShortestYears
		if rr.ShortestYears > 3 || rr.Paths < 1 {
			t.Errorf("%+v is beyond 3 years", rr)
		}
	}
	if _, ok := got["systems-administrator"]; !ok || len(got) != 3 {
		t.Errorf("within 3 years of help desk: %v; want sysadmin, network admin and the assistant role", got)
	}
}

func TestSkillGapAPI(t *testing.T) {
	srv, _ := newServer(t)
	var data struct {
		SkillGap struct {
			Total, Possible, Coverage float64
			Skills                    []struct {
				Skill         struct{ ID string }
				RequiredLevel float64
				CurrentLevel  float64
			}
			Certifications []struct {
				Certification struct{ ID string }
				Closes        []struct{ ID string }
				Count         int
				Share         float64
			}
			CertificationsFor *struct{ ID string }
		}
	}
	r := query(t, srv, `{ skillGap(from: "systems-administrator", to: "cloud-engineer") {
		total possible coverage skills { skill { id } requiredLevel currentLevel }
		certifications { certification { id } closes { id } count share } certificationsFor { id } } }`, nil, &data)
	noErrors(t, r)
	g := data.SkillGap
	if g.Total <= 0 || len(g.Skills) == 0 || len(g.Certifications) == 0 || g.CertificationsFor != nil {
		t.Fatalf("got %+v", g)
	}
	if !strings.HasPrefix(g.Certifications[0].Certification.ID, "aws") && !strings.HasPrefix(g.Certifications[0].Certification.ID, "azure") {
		t.Errorf("top certification for a cloud engineer's gap is %s", g.Certifications[0].Certification.ID)
	}
	for _, c := range g.Certifications {
		if c.Count != len(c.Closes) || c.Share <= 0 || c.Share > 1 {
			t.Errorf("closing %+v", c)
		}
	}
}

func TestPathErrorsCarryCodes(t *testing.T) {
	srv, _ := newServer(t)
	tests := []struct{ doc, code string }{
		{`{ careerPaths(from: "help-desk-technician", to: "cloud-engineer", first: 11) { rankBy } }`, "BAD_USER_INPUT"},
		{`{ careerPaths(from: "help-desk-technician", to: "cloud-engineer", maxSteps: 9) { rankBy } }`, "BAD_USER_INPUT"},
		{`{ careerPaths(to: "cloud-engineer") { rankBy } }`, "BAD_USER_INPUT"},
		{`{ careerPaths(from: "astronaut", to: "cloud-engineer") { rankBy } }`, "NOT_FOUND"},
		{`{ careerPaths(from: "help-desk-technician", to: "cloud-engineer", avoid: ["typo"]) { rankBy } }`, "NOT_FOUND"},
		{`{ reachableRoles(from: "help-desk-technician") { roles { paths } } }`, "BAD_USER_INPUT"},
		{`{ reachableRoles(from: "help-desk-technician", withinYears: -1) { roles { paths } } }`, "BAD_USER_INPUT"},
		{`{ skillGap(profile: {skills: [{skill: "bgp", level: 9}]}, to: "cloud-engineer") { total } }`, "BAD_USER_INPUT"},
		{`{ careerPaths(from: "help-desk-technician", to: "cloud-engineer", rankBy: FASTEST) { rankBy } }`, "GRAPHQL_VALIDATION_FAILED"},
	}
	for _, tt := range tests {
		r := query(t, srv, tt.doc, nil, nil)
		if r.code(0) != tt.code {
			t.Errorf("%s: got %+v, want %s", tt.doc, r.Errors, tt.code)
		}
	}
}
