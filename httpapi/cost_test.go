package httpapi_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/onet"
)

// fanOut nests roles → skills → roles → skills: with O*NET, a role has about 60 skills
// and a skill is required by up to about 870 roles.
const fanOut = `query($n: Int) { roles(first: $n) { nodes { skills { skill { roles { role { skills { skill { name } } } } } } } } }`

// With O*NET imported, nested lists are priced by the graph's real degrees: the fan-out
// shape is refused before it runs at every first, saying its cost and the limit, also
// when first comes as a string; modest nested queries still run.
func TestCostFollowsTheGraphsShape(t *testing.T) {
	srv, st := newServer(t)
	ctx := context.Background()
	t.Cleanup(func() { _ = neo4jtest.ResetCurated(ctx, st) })
	d, err := onet.Read(onet.Options{Dir: neo4jtest.Shared(t, "data/onet-29.3")})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.ImportONet(ctx, d, func(string, int, time.Duration) {}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []any{1, 5, 100, "5", "100"} {
		start := time.Now()
		r := query(t, srv, fanOut, map[string]any{"n": n}, nil)
		if r.code(0) != "COMPLEXITY_LIMIT_EXCEEDED" || !strings.Contains(r.Errors[0].Message, "100000") {
			t.Errorf("first %v: %d %+v, want COMPLEXITY_LIMIT_EXCEEDED naming the limit", n, r.status, r.Errors)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("first %v: refusing took %s; the price must be known before anything runs", n, took)
		}
	}
	var data struct {
		Role struct {
			Skills []struct{ Skill struct{ Name string } }
		}
	}
	noErrors(t, query(t, srv, `{ role(id: "onet-15-1244-00") { skills { skill { name } } nextRoles { role { title } } } }`, nil, &data))
	if len(data.Role.Skills) < 20 {
		t.Errorf("role detail at O*NET size: %d skills", len(data.Role.Skills))
	}
	noErrors(t, query(t, srv, `{ recommendations(profile: {currentRole: "onet-15-1244-00"}, first: 10) {
		roles { role { title } missingSkills { skill { name } } } certifications { certification { name } closes { name } } } }`, nil, nil))
}
