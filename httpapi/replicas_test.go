package httpapi_test

import (
	"context"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

// replica starts a second service on the same Neo4j, through neo4j:// routing, with its
// own planner refreshing every refresh.
func replica(t *testing.T, refresh time.Duration) *httptest.Server {
	t.Helper()
	return replicaOn(t, neo4jtest.Routed(t), refresh)
}

// replicaOn is replica over st.
func replicaOn(t *testing.T, st *store.Store, refresh time.Duration) *httptest.Server {
	t.Helper()
	pl := planner.New(st, planner.Options{RefreshEvery: refresh, Log: zerolog.New(zerolog.NewTestWriter(t))})
	t.Cleanup(pl.Close) // runs before the store closes
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go pl.KeepFresh(ctx)
	srv := serveOptions(t, st, pl, httpapi.Options{Logger: zerolog.New(zerolog.NewTestWriter(t)), CuratorToken: curatorToken})
	t.Cleanup(srv.Close)
	return srv
}

const gapDoc = `{ skillGap(from: "systems-administrator", to: "help-desk-technician") { skills { skill { id } } } }`

// gapHas reports whether the gap from systems administrator to help desk technician,
// as srv answers it, lists skill.
func gapHas(t *testing.T, srv *httptest.Server, skill string) bool {
	t.Helper()
	var data struct {
		SkillGap struct {
			Skills []struct{ Skill struct{ ID string } }
		}
	}
	noErrors(t, query(t, srv, gapDoc, nil, &data))
	return slices.ContainsFunc(data.SkillGap.Skills, func(s struct{ Skill struct{ ID string } }) bool { return s.Skill.ID == skill })
}

// Two replicas behind a load balancer, with the default settings: a curator's edit
// through one is seen by the other within a second, and so is its removal.
func TestReplicasSeeEachOthersEdits(t *testing.T) {
	a := curatorServer(t)
	b := replica(t, planner.DefaultRefreshEvery)
	if gapHas(t, a, "terraform") || gapHas(t, b, "terraform") {
		t.Fatal("the curated graph already asks Terraform of a help desk technician")
	}
	var out any
	noErrors(t, as(t, a, curatorToken, `mutation { setRequirement(role: "help-desk-technician", skill: "terraform", importance: 4, level: 3) { id } }`, &out))
	if !gapHas(t, a, "terraform") {
		t.Error("the replica that made the edit does not answer with it")
	}
	took := neo4jtest.Eventually(t, time.Second, "the edit on the other replica", func() bool { return gapHas(t, b, "terraform") })
	t.Logf("edit seen by the other replica after %s", took)
	noErrors(t, as(t, a, curatorToken, `mutation { removeRequirement(role: "help-desk-technician", skill: "terraform") { deleted } }`, &out))
	took = neo4jtest.Eventually(t, time.Second, "the removal on the other replica", func() bool { return !gapHas(t, b, "terraform") })
	t.Logf("removal seen by the other replica after %s", took)
}

// direct runs statements straight against the test Neo4j, as an operator or an ETL job
// would, bypassing the service.
func direct(t testing.TB, statements ...string) {
	t.Helper()
	for _, stmt := range statements {
		neo4jtest.Cypher(t, stmt, nil)
	}
}

// A requirement written straight into Neo4j (not through the service) reaches a replica
// running with the default refresh interval within the documented 10 s.
func TestReplicaSeesDirectCypherEdits(t *testing.T) {
	neo4jtest.Scratch(t)
	b := replica(t, planner.DefaultRefreshEvery)
	if gapHas(t, b, "bgp") {
		t.Fatal("the curated graph already asks BGP of a help desk technician")
	}
	direct(t, `MATCH (r:Role {id: 'help-desk-technician'}), (s:Skill {id: 'bgp'})
		MERGE (r)-[e:REQUIRES]->(s) SET e.importance = 5.0, e.level = 6.0`)
	took := neo4jtest.Eventually(t, 10*time.Second, "the direct Cypher edit on the replica", func() bool { return gapHas(t, b, "bgp") })
	t.Logf("direct edit seen after %s", took)
}
