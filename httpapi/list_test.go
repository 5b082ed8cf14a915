package httpapi_test

import (
	"sort"
	"strings"
	"testing"
)

type roleConnection struct {
	Roles struct {
		TotalCount int
		Nodes      []struct {
			ID, Title, Track, Level string
			Salary                  *struct{ Max int }
		}
		Edges    []struct{ Cursor string }
		PageInfo struct {
			HasNextPage, HasPreviousPage bool
			EndCursor                    *string
		}
	}
}

func TestRolesWalkAllPages(t *testing.T) {
	srv, _ := newServer(t)
	seen := map[string]bool{}
	var after any
	var titles []string
	for page := 0; ; page++ {
		var data roleConnection
		r := query(t, srv, `query($after: String) { roles(first: 4, after: $after) {
			totalCount nodes { id title } edges { cursor } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
			map[string]any{"after": after}, &data)
		noErrors(t, r)
		c := data.Roles
		if c.TotalCount != 15 {
			t.Fatalf("totalCount = %d, want 15", c.TotalCount)
		}
		if c.PageInfo.HasPreviousPage != (page > 0) {
			t.Errorf("page %d: hasPreviousPage = %v", page, c.PageInfo.HasPreviousPage)
		}
		for _, n := range c.Nodes {
			if seen[n.ID] {
				t.Errorf("role %s appears twice", n.ID)
			}
			seen[n.ID] = true
			titles = append(titles, strings.ToLower(n.Title))
		}
		if !c.PageInfo.HasNextPage {
			break
		}
		after = *c.PageInfo.EndCursor
	}
	if len(seen) != 15 {
		t.Errorf("walked %d roles, want 15", len(seen))
	}
	if !sort.StringsAreSorted(titles) {
		t.Errorf("roles are not sorted by title by default: %v", titles)
	}
}

func TestRoleFiltersAndSorting(t *testing.T) {
	srv, _ := newServer(t)
	var data roleConnection
	r := query(t, srv, `{ roles(filter: {track: INFRASTRUCTURE}, orderBy: {field: LEVEL, direction: DESC}) { totalCount nodes { id level track } } }`, nil, &data)
	noErrors(t, r)
	if data.Roles.TotalCount != 3 || data.Roles.Nodes[0].ID != "senior-it-infrastructure-engineer" {
		t.Errorf("infrastructure roles by level desc = %+v", data.Roles.Nodes)
	}
	data = roleConnection{}
	r = query(t, srv, `{ roles(filter: {text: "SYSADMIN"}) { totalCount nodes { id } } }`, nil, &data)
	noErrors(t, r)
	if data.Roles.TotalCount != 2 {
		t.Errorf("text sysadmin matched %+v, want both sysadmin roles (by alternate title, any case)", data.Roles.Nodes)
	}
	data = roleConnection{}
	r = query(t, srv, `{ roles(orderBy: {field: SALARY, direction: DESC}, first: 1) { nodes { id salary { max } } } }`, nil, &data)
	noErrors(t, r)
	if n := data.Roles.Nodes; len(n) != 1 || n[0].ID != "senior-it-infrastructure-engineer" {
		t.Errorf("best paid role = %+v", n)
	}
}

func TestSkillAndCertificationLists(t *testing.T) {
	srv, _ := newServer(t)
	var data struct {
		Skills struct {
			TotalCount int
			Nodes      []struct{ Category string }
		}
		Certifications struct {
			TotalCount int
			Nodes      []struct{ ID, Level string }
		}
	}
	r := query(t, srv, `{
		skills(filter: {category: NETWORKING}, first: 100) { totalCount nodes { category } }
		certifications(filter: {vendor: "cisco"}, orderBy: {field: LEVEL}) { totalCount nodes { id level } }
	}`, nil, &data)
	noErrors(t, r)
	if data.Skills.TotalCount != 7 {
		t.Errorf("networking skills = %d, want 7", data.Skills.TotalCount)
	}
	for _, s := range data.Skills.Nodes {
		if s.Category != "NETWORKING" {
			t.Errorf("filter let through %s", s.Category)
		}
	}
	if c := data.Certifications; c.TotalCount != 3 || c.Nodes[0].ID != "cisco-ccna" {
		t.Errorf("cisco certifications by level = %+v", c.Nodes)
	}
}
