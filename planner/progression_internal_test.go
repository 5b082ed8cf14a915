package planner

import (
	"slices"
	"testing"

	"github.com/careergraph/careergraph/domain"
)

func TestOrderByProgressionKeepsRankExceptForPrerequisites(t *testing.T) {
	c := func(id string) Closing { return Closing{Certification: domain.Certification{ID: id}} }
	ranked := []Closing{c("ccnp"), c("security-plus"), c("ccna"), c("az-305"), c("itil")}
	before := map[string][]string{"ccnp": {"ccna"}, "az-305": {"az-104"}} // az-104 is not in the list
	var got []string
	for _, x := range orderByProgression(ranked, before) {
		got = append(got, x.Certification.ID)
	}
	want := []string{"security-plus", "ccna", "ccnp", "az-305", "itil"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
}

func TestUnheldChainStopsAtHeldCertifications(t *testing.T) {
	chains := map[string][]string{"expert": {"pro"}, "pro": {"associate"}, "associate": {"entry"}}
	pre := func(id string) []string { return chains[id] }
	if got := unheldChain("expert", pre, map[string]bool{"associate": true}); !slices.Equal(got, []string{"pro"}) {
		t.Errorf("holding the associate level: take first %v, want [pro]", got)
	}
	if got := unheldChain("expert", pre, nil); !slices.Equal(got, []string{"pro", "associate", "entry"}) {
		t.Errorf("holding nothing: take first %v", got)
	}
}

func TestLowerOnTrack(t *testing.T) {
	aws := func(level string) domain.Certification {
		return domain.Certification{Vendor: "AWS", Domain: "Cloud", Level: level}
	}
	azure := domain.Certification{Vendor: "Microsoft", Domain: "Cloud", Level: "ASSOCIATE"}
	switch {
	case !lowerOnTrack(aws("ASSOCIATE"), aws("PROFESSIONAL")):
		t.Error("an associate certification is not below the professional one of its track")
	case lowerOnTrack(aws("PROFESSIONAL"), aws("ASSOCIATE")):
		t.Error("a professional certification counts as below an associate one")
	case lowerOnTrack(azure, aws("PROFESSIONAL")):
		t.Error("another vendor's certification counts as the same track")
	}
}

func TestPrerequisitesServeTheRolesOfWhatTheyPrepareFor(t *testing.T) {
	az104 := domain.Certification{ID: "az-104"}
	lead := domain.Role{ID: "it-infrastructure-manager"}
	certs := []CertificationRecommendation{
		{Certification: domain.Certification{ID: "az-305"}, ForRoles: []domain.Role{lead}, TakeFirst: []domain.Certification{az104}},
		{Certification: az104},
	}
	prerequisitesServe(certs)
	if len(certs[1].ForRoles) != 1 || certs[1].ForRoles[0].ID != lead.ID {
		t.Errorf("the prerequisite serves %v, want the role of the certification it prepares for", certs[1].ForRoles)
	}
}
