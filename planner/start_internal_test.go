package planner

import (
	"testing"

	"github.com/careergraph/careergraph/domain"
)

// A title's best match, when an O*NET occupation, gives way to a curated role within
// curatedNear: first to one with exactly the title among its own titles, else to one
// classified as the occupation; a curated role further below, or an occupation, never.
func TestCuratedFor(t *testing.T) {
	occupation := TitleMatch{Role: &domain.Role{ID: "onet-15-1299-08", SocCodes: []string{"15-1299.08"}}, SOC: "15-1299.08",
		Score: 0.79, MatchedTitle: "Cloud Engineer"}
	other := TitleMatch{Role: &domain.Role{ID: "onet-15-1299-05", SocCodes: []string{"15-1299.05"}}, SOC: "15-1299.05",
		Score: 0.78, MatchedTitle: "Cloud Engineer"}
	classified := TitleMatch{Role: &domain.Role{ID: "infrastructure-engineer", SocCodes: []string{"15-1299.08"}}, SOC: "15-1299.08",
		Score: 0.77, MatchedTitle: "Infrastructure Engineer"}
	named := TitleMatch{Role: &domain.Role{ID: "cloud-engineer", SocCodes: []string{"15-1299.08"}}, SOC: "15-1299.08",
		Score: 0.75, MatchedTitle: "Cloud Engineer"}
	far := named
	far.Score = 0.5
	for _, c := range []struct {
		title string
		ms    []TitleMatch
		want  string
	}{
		{"cloud engineers", []TitleMatch{occupation, other, classified, named}, "cloud-engineer"},
		{"Cloud Architect", []TitleMatch{occupation, other, classified, named}, "infrastructure-engineer"},
		{"Cloud Engineer", []TitleMatch{occupation, other, far}, "onet-15-1299-08"},
		{"Cloud Engineer", []TitleMatch{named, occupation}, "cloud-engineer"},
		{"Cloud Engineer", []TitleMatch{other, occupation}, "onet-15-1299-05"},
	} {
		if got := curatedFor(c.title, c.ms); got.Role.ID != c.want {
			t.Errorf("%q: %s, want %s", c.title, got.Role.ID, c.want)
		}
	}
}
