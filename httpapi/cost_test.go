package httpapi_test

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// fanOut nests roles → skills → roles → skills: with O*NET, a role has about 60 skills
// and a skill is required by up to about 870 roles.
const fanOut = `query($n: Int) { roles(first: $n) { nodes { skills { skill { roles { role { skills { skill { name } } } } } } } } }`

// The whole O*NET database and the wages (neo4jtest.Full), for the tests that need real data's size.
// Nested lists are priced by the graph's real degrees: the fan-out shape is refused
// before it runs at every first, saying its cost and the limit, also when first comes as
// a string; modest nested queries still run. The real data passes every check of the
// snapshot read, and bad records written over it change no answer (badRecordsOverONet).
func TestOverFullONet(t *testing.T) {
	srv := serve(t, neo4jtest.Full(t))
	t.Run("wages", func(t *testing.T) { wagesOverONet(t, srv) })
	t.Run("pay along paths", func(t *testing.T) { payAlongPaths(t, srv) })
	t.Run("certifications beyond IT", func(t *testing.T) { certificationsBeyondIT(t, srv) })
	t.Run("words", func(t *testing.T) { wordsOverONet(t, srv) })
	t.Run("demo from words", func(t *testing.T) { demoFromWords(t, srv) })
	t.Run("demo in browser", func(t *testing.T) { demoWithWages(t, srv) })
	t.Run("fan-out refused at every first", func(t *testing.T) { fanOutRefused(t, srv) })
	t.Run("modest queries run", func(t *testing.T) { modestQueriesRun(t, srv) })
	t.Run("flood", func(t *testing.T) { fanOutFlood(t, srv) })
	t.Run("huge variables", func(t *testing.T) { hugeVariables(t, srv) })
	t.Run("bad records", badRecordsOverONet) // last: it writes into the graph, and undoes it
}

func fanOutRefused(t *testing.T, srv *httptest.Server) {
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
}

func modestQueriesRun(t *testing.T, srv *httptest.Server) {
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

// A flood: 16 clients sending the fan-out shape over and over; a cheap query sent
// meanwhile is answered, and every copy is refused, none run.
func fanOutFlood(t *testing.T, srv *httptest.Server) {
	stop := make(chan struct{})
	refused := make(chan int, 16)
	for range 16 {
		go func() {
			n := 0
			for {
				select {
				case <-stop:
					refused <- n
					return
				default:
				}
				if r := query(t, srv, fanOut, map[string]any{"n": 100}, nil); r.code(0) == "COMPLEXITY_LIMIT_EXCEEDED" {
					n++
				} else {
					t.Errorf("fan-out during the flood: %d %+v", r.status, r.Errors)
				}
			}
		}()
	}
	for range 5 {
		start := time.Now()
		noErrors(t, query(t, srv, `{ role(id: "onet-15-1244-00") { title } }`, nil, nil))
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("a cheap query during the flood took %s", took)
		}
	}
	close(stop)
	total := 0
	for range 16 {
		total += <-refused
	}
	t.Logf("%d fan-out copies refused during the flood", total)
}

// Huge variables: a list of 20,000 roles to avoid is refused with a clear error.
func hugeVariables(t *testing.T, srv *httptest.Server) {
	avoid := make([]string, 20000)
	for i := range avoid {
		avoid[i] = "onet-15-1244-00"
	}
	r := query(t, srv, `query($avoid: [ID!]) { careerPaths(from: "help-desk-technician", to: "onet-15-1241-00", avoid: $avoid) { paths { rank } } }`,
		map[string]any{"avoid": avoid}, nil)
	if r.status >= 500 || len(r.Errors) == 0 {
		t.Errorf("20,000 roles to avoid: %d %+v", r.status, r.Errors)
	}
}
