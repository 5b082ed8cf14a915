package httpapi_test

import (
	"strings"
	"testing"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// onetAnswer is what TestAPIOverImportedOccupations asks.
type onetAnswer struct {
	Role struct {
		Title, Track, Level string
		JobZone             int
		SocCodes            []string
		Sources             []struct{ ID, Attribution string }
		Technologies        []struct {
			Technology struct{ Name, Category string }
			Hot        bool
		}
		RelatedOccupations []struct {
			Role struct{ ID string }
			Tier string
			Rank int
		}
		Skills []struct{ Skill struct{ Category string } }
	}
	HelpDesk struct {
		Occupations []struct{ ID, Title string }
	}
	Attributions []struct{ Attribution string }
	Roles        struct{ TotalCount int }
	CareerPaths  struct {
		Paths []struct{ TotalYears float64 }
	}
	SkillGap struct{ Total float64 }
	Recs     struct {
		Roles []struct{ Role struct{ ID string } }
	} `json:"recommendations"`
}

// Imported O*NET occupations through the API: lookups, new fields, lists, search, paths,
// gaps, recommendations, and the attribution the licence asks for.
func TestAPIOverImportedOccupations(t *testing.T) {
	srv, st := newServer(t)
	neo4jtest.ImportONet(t, st, neo4jtest.ONetFixture())

	var data onetAnswer
	r := query(t, srv, `{
		role(id: "onet-15-1244-00") { title track level jobZone socCodes sources { id attribution }
			technologies { technology { name category } hot } relatedOccupations { role { id } tier rank }
			skills { skill { category } } }
		helpDesk: role(id: "help-desk-technician") { occupations { id title } }
		attributions { attribution }
		roles(filter: {track: GENERAL}) { totalCount }
		careerPaths(from: "onet-15-1232-00", to: "onet-11-3021-00") { paths { totalYears } }
		skillGap(from: "onet-15-1232-00", to: "onet-15-1241-00") { total }
		recommendations(profile: {currentRole: "onet-15-1232-00"}, first: 2) { roles { role { id } } }
	}`, nil, &data)
	noErrors(t, r)
	role := data.Role
	if role.Track != "GENERAL" || role.JobZone != 4 || role.Level != "SENIOR" || len(role.SocCodes) != 1 || role.SocCodes[0] != "15-1244.00" {
		t.Errorf("role = %+v", role)
	}
	if len(role.Sources) != 1 || !strings.Contains(role.Sources[0].Attribution, "O*NET 29.3") {
		t.Errorf("sources = %+v", role.Sources)
	}
	if len(role.Technologies) != 2 || role.Technologies[0].Technology.Category != "TECHNOLOGY" || len(role.RelatedOccupations) != 2 ||
		len(role.Skills) != 3 {
		t.Errorf("technologies %+v, related %+v, %d skills", role.Technologies, role.RelatedOccupations, len(role.Skills))
	}
	if len(data.HelpDesk.Occupations) != 1 || data.HelpDesk.Occupations[0].ID != "onet-15-1232-00" {
		t.Errorf("help desk occupations = %+v", data.HelpDesk.Occupations)
	}
	if len(data.Attributions) != 1 || !strings.Contains(data.Attributions[0].Attribution, "CC BY 4.0") {
		t.Errorf("attributions = %+v", data.Attributions)
	}
	if data.Roles.TotalCount != 4 || len(data.CareerPaths.Paths) == 0 || data.SkillGap.Total <= 0 || len(data.Recs.Roles) != 2 {
		t.Errorf("lists %d, paths %d, gap %v, recommendations %d", data.Roles.TotalCount, len(data.CareerPaths.Paths),
			data.SkillGap.Total, len(data.Recs.Roles))
	}
}

// An O*NET occupation's rated elements are validated by no certification; the skill gap
// to an IT occupation close to a curated role (0.54 over the fixture) advises the
// certifications that close the gap to that role, and names it.
func TestSkillGapToAnOccupationAdvisesCertifications(t *testing.T) {
	srv, st := newServer(t)
	neo4jtest.ImportONet(t, st, neo4jtest.ONetFixture())
	var data struct {
		SkillGap struct {
			Total             float64
			CertificationsFor *struct{ ID string }
			Certifications    []struct{ Certification struct{ ID string } }
		}
	}
	noErrors(t, query(t, srv, `{ skillGap(from: "help-desk-technician", to: "onet-15-1244-00") {
		total certificationsFor { id } certifications { certification { id } } } }`, nil, &data))
	g := data.SkillGap
	if g.CertificationsFor == nil || strings.HasPrefix(g.CertificationsFor.ID, "onet-") || len(g.Certifications) == 0 {
		t.Errorf("help desk to network and computer systems administrators: certifications %+v for %+v", g.Certifications, g.CertificationsFor)
	}
}
