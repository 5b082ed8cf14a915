package httpapi_test

import (
	"strings"
	"testing"
)

const recommendationsDoc = `query($p: ProfileInput!, $n: Int) { recommendations(profile: $p, first: $n) {
	start { role { id } }
	roles { role { id title } score reason scoreParts { skills direction } matchedSkills { id } missingSkills { skill { id } certifications { id } } move { kind } }
	certifications { certification { id } closes { id } share forRoles { id } }
	skills { skill { id } weight forRoles { id } certifications { id } } } }`

// One request answers the widget, at a fixed number of Cypher statements however many
// roles it asks for.
func TestRecommendationsAPIIsBatched(t *testing.T) {
	srv, st := newServer(t)
	profile := map[string]any{"skills": []map[string]any{{"skill": "ticketing-user-support", "level": 3},
		{"skill": "networking-fundamentals", "level": 2}}, "certifications": []string{"comptia-network-plus"}, "yearsOfExperience": 2}
	count := func(n int) int64 {
		before := st.Statements()
		var data struct {
			Recommendations struct {
				Roles []struct {
					Role   struct{ ID string }
					Reason string
				}
			}
		}
		r := query(t, srv, recommendationsDoc, map[string]any{"p": profile, "n": n}, &data)
		noErrors(t, r)
		if len(data.Recommendations.Roles) != n || data.Recommendations.Roles[0].Reason == "" {
			t.Fatalf("got %+v", data.Recommendations.Roles)
		}
		return st.Statements() - before
	}
	count(2) // the first request also fills the planner's cache of role requirements
	small, large := count(2), count(12)
	t.Logf("statements: %d for 2 roles, %d for 12", small, large)
	// The planner rechecks the graph's version at most every 50 ms: one statement more or
	// less depending on timing, never one per role.
	if large > 10 || large > small+1 {
		t.Errorf("statements: %d for 2 roles, %d for 12; want a small constant", small, large)
	}
}

func TestRecommendationsForARoleOnlyProfile(t *testing.T) {
	srv, _ := newServer(t)
	var data struct {
		Recommendations struct {
			Roles []struct {
				Role struct{ ID string }
				Move *struct{ Kind string }
			}
		}
	}
	r := query(t, srv, recommendationsDoc, map[string]any{"p": map[string]any{"currentRole": "network-administrator"}, "n": 3}, &data)
	noErrors(t, r)
	if top := data.Recommendations.Roles[0]; top.Role.ID != "it-infrastructure-engineer" || top.Move == nil || top.Move.Kind != "PROMOTION" {
		t.Errorf("a network administrator's first recommendation is %+v, want the promotion to infrastructure engineer", top)
	}
}

func TestWidgetAndDemoAreServed(t *testing.T) {
	srv, _ := newServer(t)
	for path, want := range map[string]string{"/widget.js": "text/javascript", "/demo": "text/html", "/demo.js": "text/javascript"} {
		resp, body := get(t, srv.URL+path)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), want) {
			t.Errorf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		code := codeOnly(string(body))
		for _, ext := range []string{"src=\"http", "href=\"http", "import(\"http", "fetch(\"http", "cdn."} {
			if strings.Contains(code, ext) {
				t.Errorf("%s loads something from another host (%s)", path, ext)
			}
		}
	}
}

// codeOnly drops // comment lines, whose usage examples may name other hosts.
func codeOnly(src string) string {
	var b strings.Builder
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "//") {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}
