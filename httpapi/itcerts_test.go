package httpapi_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
)

// inIT reports whether a role may take IT certifications: a curated role, or an O*NET
// occupation of the IT families (SOC 15-1200 Computer Occupations, 11-3020 Computer and
// Information Systems Managers).
func inIT(id string, socCodes []string) bool {
	if !strings.HasPrefix(id, "onet-") {
		return true
	}
	return len(socCodes) > 0 && (strings.HasPrefix(socCodes[0], "15-12") || strings.HasPrefix(socCodes[0], "11-302"))
}

type roleRef struct {
	ID       string
	SocCodes []string
}

func allRoles(t *testing.T, srv *httptest.Server) []roleRef {
	var out []roleRef
	after := ""
	for {
		var page struct {
			Roles struct {
				Nodes    []roleRef
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
			}
		}
		noErrors(t, query(t, srv, `query($after: String) { roles(first: 100, after: $after) { nodes { id socCodes } pageInfo { hasNextPage endCursor } } }`,
			map[string]any{"after": after}, &page))
		out = append(out, page.Roles.Nodes...)
		if !page.Roles.PageInfo.HasNextPage {
			return out
		}
		after = page.Roles.PageInfo.EndCursor
	}
}

// certificationsBeyondIT asks, of every occupation outside the IT families, for its
// recommendations and for the skill gap to it: no certification is advised to a person
// outside IT, nor for a non-IT target, and a note says why; no two skills advised share a name.
func certificationsBeyondIT(t *testing.T, srv *httptest.Server) {
	roles := allRoles(t, srv)
	var outside []string
	for _, r := range roles {
		if !inIT(r.ID, r.SocCodes) {
			outside = append(outside, r.ID)
		}
	}
	if len(outside) < 900 {
		t.Fatalf("only %d occupations outside the IT families; is O*NET imported?", len(outside))
	}
	var wg sync.WaitGroup
	for worker := range 2 { // two clients at once: the sweep is the longest part of the O*NET tests
		wg.Go(func() {
			for start := worker * 4; start < len(outside); start += 8 {
				sweep(t, srv, outside[start:min(start+4, len(outside))])
			}
		})
	}
	wg.Wait()
	namedPeopleGetNone(t, srv)
	namedPeopleLearnWhatMatters(t, srv)
}

// sweep checks one batch of occupations outside IT. It runs on a goroutine of its own, so
// it reports with Errorf only.
func sweep(t *testing.T, srv *httptest.Server, batch []string) {
	var b strings.Builder
	for i, id := range batch {
		fmt.Fprintf(&b, `g%d: skillGap(from: "help-desk-technician", to: %q) { certifications { certification { id } } certificationsNote }
				r%d: recommendations(profile: {currentRole: %q}) { certifications { certification { id } } certificationsNote skills { skill { name } } } `, i, id, i, id)
	}
	var data map[string]struct {
		Certifications []struct {
			Certification struct{ ID string }
		}
		CertificationsNote *string
		Skills             []struct{ Skill struct{ Name string } }
	}
	if r := query(t, srv, "{ "+b.String()+" }", nil, &data); len(r.Errors) > 0 || r.status != http.StatusOK {
		t.Errorf("sweep of %v: status %d, errors %+v", batch, r.status, r.Errors)
		return
	}
	for i, id := range batch {
		if g := data[fmt.Sprintf("g%d", i)]; len(g.Certifications) > 0 || g.CertificationsNote == nil {
			t.Errorf("skillGap to %s (outside IT) advises %+v, note %v", id, g.Certifications, g.CertificationsNote)
		}
		if r := data[fmt.Sprintf("r%d", i)]; len(r.Certifications) > 0 || r.CertificationsNote == nil {
			t.Errorf("%s (outside IT) is advised %+v, note %v", id, r.Certifications, r.CertificationsNote)
		}
		named := map[string]bool{}
		for _, s := range data[fmt.Sprintf("r%d", i)].Skills {
			if named[s.Skill.Name] {
				t.Errorf("%s is advised two skills named %q", id, s.Skill.Name)
			}
			named[s.Skill.Name] = true
		}
	}
}

// namedPeopleGetNone: a nurse, a cook and a salesperson get no certification; IT people keep theirs.
func namedPeopleGetNone(t *testing.T, srv *httptest.Server) {
	for id, want := range map[string]bool{"onet-29-1141-00": false, "onet-35-2014-00": false, "onet-41-2031-00": false,
		"onet-15-1244-00": true, "help-desk-technician": true} {
		var data struct {
			Recommendations struct {
				Certifications []struct{ Certification struct{ ID string } }
			}
		}
		noErrors(t, query(t, srv, `query($id: ID!) { recommendations(profile: {currentRole: $id}) { certifications { certification { id } } } }`,
			map[string]any{"id": id}, &data))
		var ids []string
		for _, c := range data.Recommendations.Certifications {
			ids = append(ids, c.Certification.ID)
		}
		if (len(ids) > 0) != want {
			t.Errorf("%s is advised %v", id, ids)
		}
		if id == "help-desk-technician" {
			ccna, ccnp := slices.Index(ids, "cisco-ccna"), slices.Index(ids, "cisco-ccnp-enterprise")
			if ccna < 0 || (ccnp >= 0 && ccnp < ccna) {
				t.Errorf("help desk is advised %v; want CCNA, before CCNP", ids)
			}
		}
	}
}

// namedPeopleLearnWhatMatters: a nurse, a cook and a salesperson are advised skills to
// learn, each one a recommended role rates important (3 or more of 5) and asks more of.
func namedPeopleLearnWhatMatters(t *testing.T, srv *httptest.Server) {
	for _, id := range []string{"onet-29-1141-00", "onet-35-2014-00", "onet-41-2031-00"} {
		var data struct {
			Recommendations struct {
				Skills []struct {
					Skill    struct{ ID string }
					ForRoles []struct{ ID string }
				}
			}
		}
		noErrors(t, query(t, srv, `query($id: ID!) { recommendations(profile: {currentRole: $id}) {
			skills { skill { id } forRoles { id } } } }`, map[string]any{"id": id}, &data))
		if len(data.Recommendations.Skills) == 0 {
			t.Errorf("%s is advised no skill to learn", id)
		}
		for _, s := range data.Recommendations.Skills {
			if !slices.ContainsFunc(s.ForRoles, func(r struct{ ID string }) bool { return importance(t, srv, r.ID, s.Skill.ID) >= 3 }) {
				t.Errorf("%s is advised %s, which none of the roles it is for rates important", id, s.Skill.ID)
			}
		}
	}
}

// importance is how important a role rates a skill; 0 when it does not list it.
func importance(t *testing.T, srv *httptest.Server, role, skill string) float64 {
	var data struct {
		Role struct {
			Skills []struct {
				Importance float64
				Skill      struct{ ID string }
			}
		}
	}
	noErrors(t, query(t, srv, `query($id: ID!) { role(id: $id) { skills { importance skill { id } } } }`,
		map[string]any{"id": role}, &data))
	for _, s := range data.Role.Skills {
		if s.Skill.ID == skill {
			return s.Importance
		}
	}
	return 0
}
