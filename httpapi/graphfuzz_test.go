package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// corruption is one way to spoil a record the service reads: the records it picks
// (a MATCH binding x, and for an edge a and b), what it does to x, and the problem it
// must cause, if any (kind and property; the reason is not checked, as several fit).
type corruption struct {
	match, set, kind, property string
}

// fuzzTargets are the records and properties the snapshot read checks.
var fuzzTargets = []struct {
	match, kind string
	props       []string
}{
	{"MATCH (x:Role)", "ROLE", []string{"title", "track", "level", "experienceMin", "summary"}},
	{"MATCH (x:Skill)", "SKILL", []string{"name", "category", "description"}},
	{"MATCH (x:Certification)", "CERTIFICATION", []string{"name", "vendor", "level"}},
	{"MATCH (a:Role)-[x:REQUIRES]->(b)", "REQUIREMENT", []string{"importance", "level"}},
	{"MATCH (a:Role)-[x:VALUES]->(b)", "ENDORSEMENT", []string{"relevance"}},
	{"MATCH (a:Role)-[x:PROGRESSES_TO]->(b)", "MOVE", []string{"kind", "typicalYears"}},
}

// fuzzValues are what a property is set to: gone, retyped, out of range.
var fuzzValues = []string{"null", "'high'", "-3", "99", "0.0 / 0.0", "[1, 2]", "true", "'WIZARD'", "''", "1e300 * 1e300"}

// randomCorruption picks a record, a property and a bad value.
func randomCorruption(rng *rand.Rand) corruption {
	tg := fuzzTargets[rng.IntN(len(fuzzTargets))]
	prop := tg.props[rng.IntN(len(tg.props))]
	val := fuzzValues[rng.IntN(len(fuzzValues))]
	optional := prop == "summary" || prop == "description" // may be empty
	if slices.Contains([]string{"title", "name", "vendor", "summary", "description"}, prop) &&
		strings.HasPrefix(val, "'") && (val != "''" || optional) {
		val = "42" // any other text is a fine value
	}
	return corruption{match: tg.match, set: fmt.Sprintf("SET x.%s = %s", prop, val), kind: tg.kind, property: prop}
}

// wrongLabelEdges are edges between the wrong labels, each with the kind it is read as.
var wrongLabelEdges = []corruption{
	{match: "MATCH (a:Role), (b:Certification)", set: "MERGE (a)-[:REQUIRES {importance: 3.0, level: 3.0}]->(b)", kind: "REQUIREMENT"},
	{match: "MATCH (a:Role), (b:Skill)", set: "MERGE (a)-[:PROGRESSES_TO {kind: 'PROMOTION', typicalYears: 1.0}]->(b)", kind: "MOVE"},
	{match: "MATCH (a:Certification), (b:Role)", set: "MERGE (a)-[:VALIDATES]->(b)", kind: "VALIDATION"},
	{match: "MATCH (a:Role), (b:Skill)", set: "MERGE (a)-[:VALUES {relevance: 'HELPFUL'}]->(b)", kind: "ENDORSEMENT"},
}

// applyCorruption runs c on the k-th record its MATCH finds (in a stable order) and
// returns the problem key it must cause ("" when the record does not exist).
func applyCorruption(t *testing.T, d neo4j.DriverWithContext, c corruption, k int) string {
	t.Helper()
	order, ret := "x.id", "x.id AS from, null AS to"
	if strings.Contains(c.match, "(a") {
		order, ret = "a.id, b.id", "a.id AS from, b.id AS to"
	}
	with := "x"
	if strings.Contains(c.match, "(a") && !strings.Contains(c.match, "[x") {
		with = "a, b"
	} else if strings.Contains(c.match, "[x") {
		with = "a, x, b"
	}
	stmt := fmt.Sprintf("%s WITH %s ORDER BY %s SKIP $k LIMIT 1 %s RETURN %s", c.match, with, order, c.set, ret)
	res, err := neo4j.ExecuteQuery(context.Background(), d, stmt, map[string]any{"k": k}, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
	if len(res.Records) == 0 {
		return ""
	}
	from, _ := res.Records[0].Get("from")
	to, _ := res.Records[0].Get("to")
	key := fmt.Sprintf("%s %v", c.kind, from)
	if to != nil {
		key += fmt.Sprintf(" %v", to)
	}
	return key + " " + c.property
}

// fuzzRounds is how many rounds TestGraphFuzz runs: GRAPH_FUZZ_ROUNDS, 6 by default
// (make fuzz runs more).
func fuzzRounds(t *testing.T) int {
	if n, err := strconv.Atoi(os.Getenv("GRAPH_FUZZ_ROUNDS")); err == nil && n > 0 {
		return n
	}
	return 6
}

// The graph as input, fuzzed: each seeded round corrupts records of a scratch graph
// (properties dropped, retyped, pushed out of range; edges between the wrong labels;
// nodes deleted in batches) while clients keep asking, and then checks that the service
// is alive and ready, every planner question answers, no answer uses a rejected record,
// and dataProblems lists every corruption.
func TestGraphFuzz(t *testing.T) {
	neo4jtest.Scratch(t)
	srv := replica(t, 250*time.Millisecond)
	d := neo4jtest.Driver(t)
	stop, failures := keepAsking(t, srv)
	defer stop()
	seed := uint64(time.Now().UnixNano())
	if s, err := strconv.ParseUint(os.Getenv("GRAPH_FUZZ_SEED"), 10, 64); err == nil {
		seed = s
	}
	t.Logf("seed %d (GRAPH_FUZZ_SEED=%d reproduces it)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	for round := range fuzzRounds(t) {
		want := corruptRound(t, d, rng)
		checkRound(t, srv, round, want)
		if msgs := failures(); len(msgs) > 0 {
			t.Fatalf("round %d: clients saw failures while the graph changed: %v", round, msgs)
		}
	}
}

// corruptRound sometimes deletes a batch of nodes, then applies 1–3 corruptions and
// sometimes a wrong-label edge, and returns the problem keys that must be listed.
func corruptRound(t *testing.T, d neo4j.DriverWithContext, rng *rand.Rand) []string {
	if rng.IntN(4) == 0 {
		label := []string{"Skill", "Role", "Certification"}[rng.IntN(3)]
		stmt := fmt.Sprintf("MATCH (n:%s) WITH n ORDER BY n.id SKIP $k LIMIT 2 DETACH DELETE n", label)
		if _, err := neo4j.ExecuteQuery(context.Background(), d, stmt, map[string]any{"k": rng.IntN(30)}, neo4j.EagerResultTransformer); err != nil {
			t.Fatal(err)
		}
	}
	var want []string
	for range 1 + rng.IntN(3) {
		if key := applyCorruption(t, d, randomCorruption(rng), rng.IntN(40)); key != "" {
			want = append(want, key)
		}
	}
	if rng.IntN(3) == 0 {
		if key := applyCorruption(t, d, wrongLabelEdges[rng.IntN(len(wrongLabelEdges))], rng.IntN(200)); key != "" {
			want = append(want, key)
		}
	}
	return want
}

// checkRound waits until dataProblems lists every key of want (or rejects the record
// the key's edge starts at, or the record is gone), then asks every planner question.
func checkRound(t *testing.T, srv *httptest.Server, round int, want []string) {
	t.Helper()
	var problems []string
	for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		problems = problemsOf(t, srv)
		missing := slices.DeleteFunc(slices.Clone(want), func(w string) bool { return listed(problems, w) })
		if len(missing) == 0 {
			break
		}
		if time.Since(start) > 15*time.Second {
			t.Fatalf("round %d: dataProblems does not list %q; it lists %q", round, missing, problems)
		}
	}
	for _, path := range []string{"/healthz", "/readyz"} {
		if resp, body := get(t, srv.URL+path); resp.StatusCode != 200 {
			t.Fatalf("round %d: %s = %d %s", round, path, resp.StatusCode, body)
		}
	}
	rejected := rejectedRoles(problems)
	// A node deleted since the snapshot was read is NOT_FOUND for a nested lookup until
	// the next refresh; every question must answer once the snapshot has caught up.
	for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		failed := askAll(t, srv, rejected)
		if failed == "" {
			break
		}
		if time.Since(start) > 15*time.Second {
			t.Fatalf("round %d: %s", round, failed)
		}
	}
}

// askAll asks every planner question and says what went wrong, if anything: an error,
// or an answer that uses a rejected role.
func askAll(t *testing.T, srv *httptest.Server, rejected []string) string {
	for _, doc := range plannerQuestions(t, srv) {
		var data any
		r := query(t, srv, doc, nil, &data)
		if r.status != 200 || len(r.Errors) > 0 {
			return fmt.Sprintf("%s: status %d, errors %+v", doc, r.status, r.Errors)
		}
		raw, _ := json.Marshal(data)
		for _, id := range rejected {
			if strings.Contains(string(raw), `"id":"`+id+`"`) {
				t.Fatalf("%s answers with the rejected role %s", doc, id)
			}
		}
	}
	return ""
}

// listed reports whether problems has a problem for the record and property of key, or
// rejects the node its edge starts at.
func listed(problems []string, key string) bool {
	f := strings.Fields(key)
	return slices.ContainsFunc(problems, func(p string) bool {
		g := strings.Fields(p)
		same := len(g) >= 2 && g[0] == f[0] && g[1] == f[1] && (len(f) < 4 || len(g) >= 3 && g[2] == f[2])
		return same || len(g) >= 2 && (g[0] == "ROLE" || g[0] == "CERTIFICATION") && g[1] == f[1]
	})
}

// rejectedRoles are the roles problems rejects.
func rejectedRoles(problems []string) []string {
	var out []string
	for _, p := range problems {
		if f := strings.Fields(p); len(f) >= 2 && f[0] == "ROLE" {
			out = append(out, f[1])
		}
	}
	return out
}

// plannerQuestions asks every planner question between roles the graph has now.
func plannerQuestions(t *testing.T, srv *httptest.Server) []string {
	var data struct {
		Roles struct{ Nodes []struct{ ID string } }
	}
	noErrors(t, query(t, srv, `{ roles(first: 100, orderBy: {field: LEVEL}) { nodes { id } } }`, nil, &data))
	ids := data.Roles.Nodes
	if len(ids) < 2 {
		return nil
	}
	from, to := ids[0].ID, ids[len(ids)-1].ID
	qs := []string{
		fmt.Sprintf(`{ careerPaths(from: %q, to: %q, first: 3) { paths { totalYears roles { id title } steps { skillsToGain { skill { id name } } } } } }`, from, to),
		fmt.Sprintf(`{ reachableRoles(from: %q, withinYears: 10) { roles { role { id title } shortestYears } } }`, from),
		fmt.Sprintf(`{ skillGap(from: %q, to: %q) { skills { skill { id name } } certifications { certification { id name } } } }`, from, to),
		fmt.Sprintf(`{ recommendations(profile: {currentRole: %q}, first: 10) { roles { role { id title } } certifications { certification { id name } } skills { skill { id name } } } }`, from),
		`{ search(text: "engineer administrator cisco network", first: 50) { score node { id ... on Role { title level } ... on Skill { name category } ... on Certification { name certLevel: level } } } }`,
	}
	// A skills-only profile needs a skill some role still requires (NOT_FOUND is the
	// right answer otherwise): one the target requires and the start lacks, as the planner sees it.
	var gap struct {
		SkillGap struct {
			Skills []struct{ Skill struct{ ID string } }
		}
	}
	if r := query(t, srv, fmt.Sprintf(`{ skillGap(from: %q, to: %q) { skills { skill { id } } } }`, from, to), nil, &gap); len(r.Errors) == 0 && len(gap.SkillGap.Skills) > 0 {
		qs = append(qs, fmt.Sprintf(`{ recommendations(profile: {skills: [{skill: %q, level: 3}]}, first: 5) { roles { role { id title } } } }`, gap.SkillGap.Skills[0].Skill.ID))
	}
	return qs
}

// keepAsking sends questions to srv until stopped; failures returns what went wrong:
// any answer not 200, or any error but a NOT_FOUND (a role deleted under the client).
func keepAsking(t *testing.T, srv *httptest.Server) (stop func(), failures func() []string) {
	var mu sync.Mutex
	var msgs []string
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			r := query(t, srv, `{ careerPaths(from: "help-desk-technician", to: "senior-it-infrastructure-engineer", first: 3) { paths { totalYears } }
				recommendations(profile: {currentRole: "help-desk-technician"}) { roles { role { id } } } }`, nil, nil)
			for i := range r.Errors {
				if c := r.code(i); c != "NOT_FOUND" || r.status != 200 {
					mu.Lock()
					msgs = append(msgs, fmt.Sprintf("%d %s %s", r.status, c, r.Errors[i].Message))
					mu.Unlock()
				}
			}
		}
	}()
	return func() { close(done); wg.Wait() }, func() []string { mu.Lock(); defer mu.Unlock(); return slices.Clone(msgs) }
}
