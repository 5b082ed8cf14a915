package httpapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/neo4jtest"
)

const curatorToken = "test-curator-token"

func curatorServer(t *testing.T) *httptest.Server {
	t.Helper()
	st := neo4jtest.Scratch(t)
	srv := serveOptions(t, st, nil, httpapi.Options{Logger: zerolog.New(zerolog.NewTestWriter(t)),
		CuratorToken: curatorToken})
	t.Cleanup(srv.Close)
	return srv
}

// as posts a document with a bearer token ("" for none).
func as(t *testing.T, srv *httptest.Server, token, doc string, data any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": doc})
	req, _ := http.NewRequest("POST", srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	out.status = resp.StatusCode
	if data != nil && len(out.Data) > 0 && string(out.Data) != "null" {
		if err := json.Unmarshal(out.Data, data); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

const newRole = `upsertRole(input: {id: "site-reliability-engineer", title: "Site Reliability Engineer", track: DEVOPS,
	level: SENIOR, experienceMin: 6, summary: "Keeps services reliable with software.", salary: {min: 120000, max: 170000, currency: "USD"}})`

func exists(t *testing.T, srv *httptest.Server, id string) bool {
	t.Helper()
	r := as(t, srv, "", `{ node(id: "`+id+`") { id } }`, nil)
	return r.code(0) != "NOT_FOUND"
}

func TestCuratorEditsNeedTheToken(t *testing.T) {
	srv := curatorServer(t)
	for _, token := range []string{"", "wrong"} {
		r := as(t, srv, token, `mutation { `+newRole+` { id } }`, nil)
		if r.code(0) != "UNAUTHENTICATED" {
			t.Errorf("token %q: got %+v", token, r.Errors)
		}
	}
	if exists(t, srv, "site-reliability-engineer") {
		t.Error("a refused edit wrote the role")
	}
	r := as(t, srv, "", `{ role(id: "help-desk-technician") { title } }`, nil)
	noErrors(t, r) // reads stay open
}

// An edit is visible at once, to lookups, paths and recommendations alike.
func TestCuratorEditsShowEverywhere(t *testing.T) {
	srv := curatorServer(t)
	// Recommendations first, so the planner's cache holds the graph as it was.
	noErrors(t, as(t, srv, "", `{ recommendations(profile: {currentRole: "systems-administrator"}, first: 20) { roles { role { id } } } }`, nil))
	var data struct {
		UpsertRole     struct{ ID, Title string }
		SetRequirement struct {
			Skills []struct{ Skill struct{ ID string } }
		}
		SetProgression struct {
			NextRoles []struct{ Role struct{ ID string } }
		}
	}
	r := as(t, srv, curatorToken, `mutation {
		`+newRole+` { id title }
		setRequirement(role: "site-reliability-engineer", skill: "linux-administration", importance: 5, level: 5) { skills { skill { id } } }
		setProgression(from: "systems-administrator", to: "site-reliability-engineer", typicalYears: 3, kind: SPECIALIZATION) { nextRoles { role { id } } }
	}`, &data)
	noErrors(t, r)
	if data.UpsertRole.Title != "Site Reliability Engineer" || len(data.SetRequirement.Skills) != 1 {
		t.Errorf("got %+v", data)
	}
	var after struct {
		CareerPaths struct {
			Paths []struct{ TotalYears float64 }
		}
		Recommendations struct {
			Roles []struct{ Role struct{ ID string } }
		}
	}
	r = as(t, srv, "", `{
		careerPaths(from: "help-desk-technician", to: "site-reliability-engineer") { paths { totalYears } }
		recommendations(profile: {currentRole: "systems-administrator"}, first: 20) { roles { role { id } } }
	}`, &after)
	noErrors(t, r)
	if len(after.CareerPaths.Paths) == 0 || after.CareerPaths.Paths[0].TotalYears != 6 {
		t.Errorf("paths to the new role: %+v", after.CareerPaths.Paths)
	}
	found := false
	for _, rr := range after.Recommendations.Roles {
		found = found || rr.Role.ID == "site-reliability-engineer"
	}
	if !found {
		t.Error("recommendations do not see the new role (stale cache)")
	}
	var del struct{ DeleteRole struct{ Deleted bool } }
	noErrors(t, as(t, srv, curatorToken, `mutation { deleteRole(id: "site-reliability-engineer") { deleted } }`, &del))
	if !del.DeleteRole.Deleted || exists(t, srv, "site-reliability-engineer") {
		t.Error("delete did not delete")
	}
	noErrors(t, as(t, srv, curatorToken, `mutation { deleteRole(id: "site-reliability-engineer") { deleted } }`, &del))
	if del.DeleteRole.Deleted {
		t.Error("deleting twice reports a deletion")
	}
}

// A rejected edit writes nothing: not the node, not half of its edges.
func TestRejectedEditsWriteNothing(t *testing.T) {
	srv := curatorServer(t)
	tests := []struct{ name, doc, code, mention, absent string }{
		{"salary min above max", strings.Replace(newRole, "min: 120000", "min: 220000", 1) + ` { id }`,
			"BAD_USER_INPUT", "salary.min", "site-reliability-engineer"},
		{"bad id", `upsertSkill(input: {id: "Not A Slug", name: "x", category: LINUX, description: "d"}) { id }`,
			"BAD_USER_INPUT", "slug", ""},
		{"reserved id", `upsertSkill(input: {id: "onet-x", name: "x", category: LINUX, description: "d"}) { id }`,
			"BAD_USER_INPUT", "onet-", "onet-x"},
		{"dangling skill", `setRequirement(role: "help-desk-technician", skill: "juggling", importance: 3, level: 3) { id }`,
			"NOT_FOUND", "juggling", ""},
		{"importance out of range", `setRequirement(role: "help-desk-technician", skill: "bgp", importance: 9, level: 3) { id }`,
			"BAD_USER_INPUT", "importance", ""},
		{"certification validating an unknown skill", `upsertCertification(input: {id: "cka", name: "CKA", vendor: "CNCF",
			level: PROFESSIONAL, domain: "Cloud", description: "Kubernetes administration.", validates: ["linux-administration", "kubernetes"]}) { id }`,
			"NOT_FOUND", "kubernetes", "cka"},
		{"self move", `setProgression(from: "cloud-engineer", to: "cloud-engineer", typicalYears: 1, kind: LATERAL) { id }`,
			"BAD_USER_INPUT", "itself", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := as(t, srv, curatorToken, `mutation { `+tt.doc+` }`, nil)
			if r.code(0) != tt.code || !strings.Contains(r.Errors[0].Message, tt.mention) {
				t.Errorf("got %+v, want %s mentioning %q", r.Errors, tt.code, tt.mention)
			}
			if tt.absent != "" && exists(t, srv, tt.absent) {
				t.Errorf("%s was written", tt.absent)
			}
		})
	}
	var data struct {
		Role struct {
			Skills []struct{ Skill struct{ ID string } }
		}
	}
	noErrors(t, as(t, srv, "", `{ role(id: "help-desk-technician") { skills { skill { id } } } }`, &data))
	if len(data.Role.Skills) != 7 {
		t.Errorf("help desk has %d skills after rejected edits, want 7", len(data.Role.Skills))
	}
}

func TestImportedOccupationsAreReadOnly(t *testing.T) {
	srv := curatorServer(t)
	st := neo4jtest.Store(t)
	neo4jtest.ImportONet(t, st, neo4jtest.ONetFixture())
	for _, doc := range []string{
		`setRequirement(role: "onet-15-1244-00", skill: "bgp", importance: 3, level: 3) { id }`,
		`deleteRole(id: "onet-15-1244-00") { deleted }`,
		`removeProgression(from: "onet-15-1232-00", to: "onet-15-1244-00") { deleted }`,
	} {
		if r := as(t, srv, curatorToken, `mutation { `+doc+` }`, nil); r.code(0) != "FORBIDDEN" {
			t.Errorf("%s: got %+v, want FORBIDDEN", doc, r.Errors)
		}
	}
	if !exists(t, srv, "onet-15-1244-00") {
		t.Error("an O*NET occupation was deleted")
	}
}
