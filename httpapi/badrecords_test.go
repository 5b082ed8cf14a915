package httpapi_test

import (
	"encoding/json"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/metrics"
	"github.com/careergraph/careergraph/store"
)

// badRecords are records an operator or an ETL job can write straight into Neo4j, each
// with the problem dataProblems must report for it (kind from to property reason).
var badRecords = []struct{ cypher, want string }{
	{`MATCH (a:Role {id: 'help-desk-technician'}), (s:Skill {id: 'terraform'}) MERGE (a)-[e:REQUIRES]->(s) SET e.level = 3.0`,
		"REQUIREMENT help-desk-technician terraform importance MISSING"},
	{`MATCH (a:Role {id: 'help-desk-technician'}), (s:Skill {id: 'bgp'}) MERGE (a)-[e:REQUIRES]->(s) SET e.importance = 'high', e.level = 3.0`,
		"REQUIREMENT help-desk-technician bgp importance WRONG_TYPE"},
	{`MATCH (a:Role {id: 'help-desk-technician'}), (s:Skill {id: 'ospf'}) MERGE (a)-[e:REQUIRES]->(s) SET e.importance = 3.0, e.level = -3`,
		"REQUIREMENT help-desk-technician ospf level OUT_OF_RANGE"},
	{`MATCH (a:Role {id: 'help-desk-technician'}), (b:Role {id: 'cloud-engineer'}) MERGE (a)-[e:PROGRESSES_TO]->(b) SET e.kind = 'PROMOTION'`,
		"MOVE help-desk-technician cloud-engineer typicalYears MISSING"},
	{`MATCH (a:Role {id: 'help-desk-technician'}), (b:Role {id: 'it-infrastructure-engineer'}) MERGE (a)-[e:PROGRESSES_TO]->(b) SET e.kind = 'PROMOTION', e.typicalYears = -1`,
		"MOVE help-desk-technician it-infrastructure-engineer typicalYears OUT_OF_RANGE"},
	{`MATCH (a:Role {id: 'help-desk-technician'}), (b:Role {id: 'senior-it-infrastructure-engineer'}) MERGE (a)-[e:PROGRESSES_TO]->(b) SET e.kind = 'PROMOTION', e.typicalYears = 0.0 / 0.0`,
		"MOVE help-desk-technician senior-it-infrastructure-engineer typicalYears OUT_OF_RANGE"},
	{`MATCH (a:Role {id: 'help-desk-technician'}), (b:Role {id: 'systems-administrator'}) MERGE (a)-[e:REQUIRES]->(b) SET e.importance = 3.0, e.level = 3.0`,
		"REQUIREMENT help-desk-technician systems-administrator  WRONG_LABEL"},
	{`MATCH (a:Role {id: 'help-desk-technician'}) CREATE (a)-[:PROGRESSES_TO {kind: 'PROMOTION', typicalYears: 0.5}]->
	   (:Role {id: 'untitled-role', track: 'SUPPORT', level: 'MID', experienceMin: 0.0, summary: 'no title'})`,
		"ROLE untitled-role  title MISSING"},
	{`MATCH (a:Role {id: 'help-desk-technician'}) CREATE (a)-[:PROGRESSES_TO {kind: 'PROMOTION', typicalYears: 0.5}]->
	   (:Role {id: 'wizard', title: 'Wizard', track: 'SUPPORT', level: 'WIZARD', experienceMin: 0.0, summary: 'magic'})`,
		"ROLE wizard  level UNKNOWN_VALUE"},
}

type dataProblem struct {
	Kind, From, Property, Reason, Message, Value string
	To                                           *string
}

func (p dataProblem) key() string {
	to := ""
	if p.To != nil {
		to = *p.To
	}
	return strings.Join([]string{p.Kind, p.From, to, p.Property, p.Reason}, " ")
}

// problemsOf returns the problems srv's dataProblems lists, as keys.
func problemsOf(t *testing.T, srv *httptest.Server) []string {
	t.Helper()
	var data struct {
		DataProblems struct {
			TotalCount int
			Nodes      []dataProblem
		}
	}
	noErrors(t, as(t, srv, curatorToken, `{ dataProblems(first: 100) { totalCount nodes { kind from to property value reason message } } }`, &data))
	var out []string
	for _, p := range data.DataProblems.Nodes {
		if p.Message == "" {
			t.Errorf("problem %s has no message", p.key())
		}
		out = append(out, p.key())
	}
	return out
}

// quickestYears is the fewest typical years srv finds from help desk to senior engineer.
func quickestYears(t *testing.T, srv *httptest.Server) float64 {
	t.Helper()
	var data struct {
		CareerPaths struct {
			Paths []struct{ TotalYears float64 }
		}
	}
	noErrors(t, query(t, srv, `{ careerPaths(from: "help-desk-technician", to: "senior-it-infrastructure-engineer", rankBy: YEARS, first: 1) { paths { totalYears } } }`, nil, &data))
	if len(data.CareerPaths.Paths) == 0 {
		t.Fatal("no path from help desk to senior engineer")
	}
	return data.CareerPaths.Paths[0].TotalYears
}

// Records written straight into Neo4j that break the property rules leave two running
// replicas alive, ready and answering as before; a replica started afterwards starts;
// dataProblems lists every record and /metrics counts them.
func TestBadRecordsAreLeftOutAndReported(t *testing.T) {
	a := curatorServer(t)
	b := replica(t, 250*time.Millisecond)
	years := quickestYears(t, b)
	for _, r := range badRecords {
		direct(t, r.cypher)
	}
	for _, srv := range []*httptest.Server{a, b} {
		neo4jtest.Eventually(t, 10*time.Second, "every bad record listed", func() bool {
			got := problemsOf(t, srv)
			return !slices.ContainsFunc(badRecords, func(r struct{ cypher, want string }) bool { return !slices.Contains(got, r.want) })
		})
		if got := quickestYears(t, srv); got != years {
			t.Errorf("quickest path help desk → senior engineer is %v years with the bad records, %v without", got, years)
		}
		answersEveryQuestion(t, srv)
	}
	m := metrics.New()
	c := serveOptions(t, neo4jtest.Store(t), nil, httpapi.Options{Logger: zerolog.New(zerolog.NewTestWriter(t)),
		CuratorToken: curatorToken, Metrics: m})
	if resp, body := get(t, c.URL+"/readyz"); resp.StatusCode != 200 {
		t.Fatalf("a replica started over the bad records: /readyz %d %s", resp.StatusCode, body)
	}
	if got := problemsOf(t, c); len(got) < len(badRecords) {
		t.Errorf("a new replica lists %d problems, want at least %d: %v", len(got), len(badRecords), got)
	}
	_, body := get(t, c.URL+"/metrics")
	for _, want := range []string{`careergraph_snapshot_rejected_records{kind="REQUIREMENT",reason="MISSING"} 1`,
		`careergraph_snapshot_rejected_records{kind="MOVE",reason="OUT_OF_RANGE"} 2`,
		`careergraph_snapshot_rejected_records{kind="ROLE",reason="UNKNOWN_VALUE"} 1`} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if !regexp.MustCompile(`(?m)^careergraph_snapshot_loads_total [1-9]`).Match(body) ||
		!regexp.MustCompile(`(?m)^careergraph_snapshot_roles 15$`).Match(body) ||
		!regexp.MustCompile(`(?m)^careergraph_snapshot_load_seconds [0-9]`).Match(body) {
		t.Error("/metrics lacks the snapshot's loads, load time or roles (15 curated, the bad ones left out)")
	}
}

// answersEveryQuestion asks srv each planner question and a lookup of the corrupted role,
// failing on any error.
func answersEveryQuestion(t *testing.T, srv *httptest.Server) {
	t.Helper()
	for _, doc := range []string{
		`{ careerPaths(from: "help-desk-technician", to: "cloud-engineer", first: 5) { paths { totalYears roles { id title level } } } }`,
		`{ reachableRoles(from: "help-desk-technician", withinYears: 6) { roles { role { id title } shortestYears } } }`,
		`{ skillGap(from: "help-desk-technician", to: "cloud-engineer") { skills { skill { id } } } }`,
		`{ recommendations(profile: {currentRole: "help-desk-technician"}, first: 10) { roles { role { id title } } certifications { certification { id } } } }`,
		`{ role(id: "help-desk-technician") { title skills { skill { id } importance level } nextRoles { role { id } typicalYears kind } } }`,
		`{ roles(first: 100) { nodes { id title } } }`,
	} {
		var data any
		r := query(t, srv, doc, nil, &data)
		noErrors(t, r)
		raw, _ := json.Marshal(data)
		for _, bad := range []string{"untitled-role", "wizard", `"importance":0`, `"typicalYears":-1`} {
			if strings.Contains(string(raw), bad) && !strings.HasPrefix(doc, "{ roles(") {
				t.Errorf("%s answers with a rejected record (%s): %s", doc, bad, raw)
			}
		}
	}
}

// A lookup meets the bad records too: a bad property is that field's DATA_PROBLEM error,
// the rest of the response stands, and a bad edge is left out of its list.
func TestLookupsWithholdBadFields(t *testing.T) {
	srv := curatorServer(t)
	for _, r := range badRecords {
		direct(t, r.cypher)
	}
	r := query(t, srv, `{ wizard: role(id: "wizard") { id title level }
		untitled: role(id: "untitled-role") { id summary }
		help: role(id: "help-desk-technician") { id skills { skill { id } importance } nextRoles { role { id } typicalYears } } }`, nil, nil)
	if r.status != 200 || len(r.Errors) != 1 || r.code(0) != "DATA_PROBLEM" || !strings.Contains(r.Errors[0].Message, "level") {
		t.Fatalf("status %d, errors %+v; want one DATA_PROBLEM error for the wizard's level", r.status, r.Errors)
	}
	var data struct {
		Wizard   *struct{ ID string }
		Untitled struct{ ID, Summary string }
		Help     struct {
			Skills    []struct{ Skill struct{ ID string } }
			NextRoles []struct{ Role struct{ ID string } }
		}
	}
	if err := json.Unmarshal(r.Data, &data); err != nil {
		t.Fatal(err)
	}
	if data.Wizard != nil || data.Untitled.Summary != "no title" {
		t.Errorf("wizard %+v (want null: its level is non-null), untitled %+v (want its summary)", data.Wizard, data.Untitled)
	}
	for _, s := range data.Help.Skills {
		if s.Skill.ID == "terraform" || s.Skill.ID == "bgp" || s.Skill.ID == "ospf" {
			t.Errorf("help desk lists the bad requirement on %s", s.Skill.ID)
		}
	}
	for _, m := range data.Help.NextRoles {
		if m.Role.ID == "cloud-engineer" || m.Role.ID == "it-infrastructure-engineer" {
			t.Errorf("help desk lists the bad move to %s", m.Role.ID)
		}
	}
}

// undoBadRecords removes what badRecords write: edges from the help desk role the curated
// dataset does not have, and the two roles they create.
var undoBadRecords = []string{
	`MATCH (:Role {id: 'help-desk-technician'})-[e:REQUIRES]->(n) WHERE n.id IN ['terraform', 'bgp', 'ospf', 'systems-administrator'] DELETE e`,
	`MATCH (:Role {id: 'help-desk-technician'})-[e:PROGRESSES_TO]->(b:Role)
	 WHERE b.id IN ['cloud-engineer', 'it-infrastructure-engineer', 'senior-it-infrastructure-engineer'] DELETE e`,
	`MATCH (r:Role) WHERE r.id IN ['untitled-role', 'wizard'] DETACH DELETE r`,
}

// badRecordsOverONet: the imported O*NET data has no record the snapshot read rejects;
// the quickest path from help desk to senior engineer is 4 years, and stays 4 years with
// the bad records written over it, on a running replica and on one started afterwards.
// Undone, the problems are gone and the full-data graph is as imported.
func badRecordsOverONet(t *testing.T) {
	open := func() *store.Store { return neo4jtest.OpenAt(t, neo4jtest.Routing(neo4jtest.FullURI())) }
	a := replicaOn(t, open(), 250*time.Millisecond)
	if got := problemsOf(t, a); len(got) != 0 {
		t.Fatalf("the imported O*NET data has %d rejected records: %v", len(got), got[:min(len(got), 10)])
	}
	if got := quickestYears(t, a); got != 4 {
		t.Errorf("quickest path help desk → senior engineer with O*NET: %v years, want 4", got)
	}
	for _, r := range badRecords {
		neo4jtest.CypherAt(t, neo4jtest.FullURI(), r.cypher, nil)
	}
	neo4jtest.Eventually(t, 10*time.Second, "every bad record listed", func() bool {
		return len(problemsOf(t, a)) >= len(badRecords)
	})
	for _, srv := range []*httptest.Server{a, replicaOn(t, open(), time.Minute)} {
		if got := quickestYears(t, srv); got != 4 {
			t.Errorf("quickest path help desk → senior engineer with the bad records: %v years, want 4", got)
		}
		answersEveryQuestion(t, srv)
	}
	for _, stmt := range undoBadRecords {
		neo4jtest.CypherAt(t, neo4jtest.FullURI(), stmt, nil)
	}
	neo4jtest.Eventually(t, 10*time.Second, "no problem left", func() bool { return len(problemsOf(t, a)) == 0 })
	neo4jtest.Restored(t)
}
