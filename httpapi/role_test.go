package httpapi_test

import (
	"testing"
)

// roleAnswer is what TestHelpDeskRole asks.
type roleAnswer struct {
	Role struct {
		Title      string
		Track      string
		Level      string
		Experience struct{ Min, Max *float64 }
		Skills     []struct {
			Skill             struct{ ID, Category string }
			Importance, Level float64
		}
		Certifications []struct {
			Certification struct{ ID, Vendor string }
			Relevance     string
		}
		NextRoles []struct {
			Role         struct{ ID string }
			TypicalYears float64
			Kind         string
		}
		Sources []struct{ ID string }
	}
}

// The acceptance query: the help desk role with its skills, certifications and
// next roles, as curated.
func TestHelpDeskRole(t *testing.T) {
	srv, _ := newServer(t)
	var data roleAnswer
	r := query(t, srv, `{ role(id: "help-desk-technician") {
		title track level experience { min max }
		skills { skill { id category } importance level }
		certifications { certification { id vendor } relevance }
		nextRoles { role { id } typicalYears kind }
		sources { id } } }`, nil, &data)
	noErrors(t, r)
	role := data.Role
	if role.Title != "Help Desk Technician" || role.Track != "SUPPORT" || role.Level != "ENTRY" {
		t.Errorf("got %s %s %s", role.Title, role.Track, role.Level)
	}
	if role.Experience.Min == nil || *role.Experience.Min != 0 || role.Experience.Max == nil || *role.Experience.Max != 3 {
		t.Errorf("experience = %+v, want 0-3 years as the guide says", role.Experience)
	}
	if len(role.Skills) != 7 || role.Skills[0].Importance != 5 {
		t.Errorf("got %d skills, first %+v; want 7, most important first", len(role.Skills), role.Skills)
	}
	certs := map[string]string{}
	for _, c := range role.Certifications {
		certs[c.Certification.ID] = c.Relevance
	}
	if certs["comptia-network-plus"] != "HELPFUL" || certs["comptia-security-plus"] != "HELPFUL" {
		t.Errorf("certifications = %v", certs)
	}
	next := map[string]float64{}
	for _, n := range role.NextRoles {
		next[n.Role.ID] = n.TypicalYears
		if n.Role.ID != "it-infrastructure-engineer-assistant" && n.Kind != "PROMOTION" {
			t.Errorf("move to %s is %s, want PROMOTION", n.Role.ID, n.Kind)
		}
	}
	if next["systems-administrator"] != 3 || next["network-administrator"] != 3 {
		t.Errorf("next roles = %v, want systems and network administrator after 3 years", next)
	}
	if len(role.Sources) != 1 || role.Sources[0].ID != "it-infra-guide" {
		t.Errorf("sources = %v", role.Sources)
	}
}

func TestNestedFieldsBothWays(t *testing.T) {
	srv, _ := newServer(t)
	var data struct {
		Skill struct {
			Roles          []struct{ Role struct{ ID string } }
			Certifications []struct{ ID string }
		}
		Certification struct {
			Prerequisites []struct{ ID string }
			PreparesFor   []struct{ ID string }
			Validates     []struct{ ID string }
			Roles         []struct {
				Role      struct{ ID string }
				Relevance string
			}
		}
		Ccna struct{ PreparesFor []struct{ ID string } }
		Role struct {
			PreviousRoles []struct{ Role struct{ ID string } }
			Salary        struct {
				Min, Max int
				Currency string
				Source   struct{ ID string }
			}
		}
	}
	r := query(t, srv, `{
		skill(id: "bgp") { roles { role { id } } certifications { id } }
		certification(id: "cisco-ccnp-enterprise") { prerequisites { id } preparesFor { id } validates { id } roles { role { id } relevance } }
		ccna: certification(id: "cisco-ccna") { preparesFor { id } }
		role(id: "it-infrastructure-engineer-assistant") { previousRoles { role { id } } salary { min max currency source { id } } }
	}`, nil, &data)
	noErrors(t, r)
	if len(data.Skill.Roles) == 0 || len(data.Skill.Certifications) != 2 {
		t.Errorf("bgp: %d roles, certifications %v; want some roles and both CCNPs", len(data.Skill.Roles), data.Skill.Certifications)
	}
	if len(data.Certification.Prerequisites) != 1 || data.Certification.Prerequisites[0].ID != "cisco-ccna" {
		t.Errorf("CCNP prerequisites = %v, want CCNA", data.Certification.Prerequisites)
	}
	if len(data.Ccna.PreparesFor) != 2 {
		t.Errorf("CCNA prepares for %v, want both CCNPs", data.Ccna.PreparesFor)
	}
	if len(data.Certification.Validates) == 0 || len(data.Certification.Roles) == 0 {
		t.Errorf("CCNP validates %v, valued by %v", data.Certification.Validates, data.Certification.Roles)
	}
	if len(data.Role.PreviousRoles) != 2 {
		t.Errorf("assistant previous roles = %v, want help desk and junior sysadmin", data.Role.PreviousRoles)
	}
	if s := data.Role.Salary; s.Min != 52000 || s.Max != 85000 || s.Currency != "USD" || s.Source.ID != "it-infra-guide" {
		t.Errorf("assistant salary = %+v, want 52000-85000 USD from the guide", s)
	}
}

func TestNodeInterface(t *testing.T) {
	srv, _ := newServer(t)
	var data struct {
		A struct{ Typename, Title string }  `json:"a"`
		B struct{ Typename, Name string }   `json:"b"`
		C struct{ Typename, Vendor string } `json:"c"`
	}
	r := query(t, srv, `{
		a: node(id: "systems-administrator") { typename: __typename ... on Role { title } }
		b: node(id: "terraform") { typename: __typename ... on Skill { name } }
		c: node(id: "cisco-ccna") { typename: __typename ... on Certification { vendor } }
	}`, nil, &data)
	noErrors(t, r)
	if data.A.Typename != "Role" || data.A.Title != "Systems Administrator" || data.B.Typename != "Skill" ||
		data.B.Name != "Terraform" || data.C.Typename != "Certification" || data.C.Vendor != "Cisco" {
		t.Errorf("got %+v", data)
	}
}

func TestSearch(t *testing.T) {
	srv, _ := newServer(t)
	var data struct {
		Search []struct {
			Score float64
			Node  struct {
				Typename string `json:"__typename"`
				ID       string
			}
		}
	}
	r := query(t, srv, `query($t: String!) { search(text: $t, first: 5) { score node { __typename id } } }`,
		map[string]any{"t": "ccna"}, &data)
	noErrors(t, r)
	if len(data.Search) == 0 || data.Search[0].Node.ID != "cisco-ccna" || data.Search[0].Node.Typename != "Certification" {
		t.Errorf("search ccna = %+v", data.Search)
	}
	r = query(t, srv, `{ search(text: "virt") { node { id } } }`, nil, &data)
	noErrors(t, r)
	if len(data.Search) == 0 {
		t.Error("a prefix (virt) finds nothing")
	}
}
