package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// server is one of the three measured: how to start it and how to ask it each workload.
type server struct {
	name    string
	cmd     func(dir string) *exec.Cmd
	ready   request
	request func(workload string) request
}

func gqlRequest(url, query string) request {
	body, _ := json.Marshal(map[string]string{"query": query})
	return request{method: "POST", url: url, body: body}
}

// Workloads, asked of each server for the same data. The O*NET pass adds two questions
// about O*NET occupations.
var (
	compareWorkloads = []string{"role detail", "role list", "career paths", "recommendations"}
	onetWorkloads    = []string{"role detail", "role list", "career paths", "recommendations", "career paths (O*NET)",
		"recommendations (O*NET)", "skill gap (O*NET)", "reachable roles (O*NET)", "recommendations in Texas (OEWS)",
		"wages by area (OEWS)"}
)

// ownOnly are workloads only careergraph answers (the peer and the raw handler have no
// such question); they are measured against careergraph's own role detail.
var ownOnly = map[string]bool{"skill gap (O*NET)": true, "reachable roles (O*NET)": true,
	"recommendations in Texas (OEWS)": true, "wages by area (OEWS)": true}

// ourQueries are the workloads as careergraph is asked them.
var ourQueries = map[string]string{
	"role detail":                     `{ role(id: "help-desk-technician") { title skills { importance skill { name } } certifications { relevance certification { name } } nextRoles { typicalYears role { title } } } }`,
	"role list":                       `{ roles(filter: {track: INFRASTRUCTURE}, orderBy: {field: TITLE}, first: 10) { totalCount nodes { id title level } } }`,
	"career paths":                    `{ careerPaths(from: "help-desk-technician", to: "senior-it-infrastructure-engineer", first: 3) { paths { totalYears roles { id } } } }`,
	"recommendations":                 `{ recommendations(profile: {currentRole: "help-desk-technician"}, first: 5) { roles { role { id } score } } }`,
	"career paths (O*NET)":            `{ careerPaths(from: "onet-15-1232-00", to: "onet-15-1299-08", first: 3) { paths { totalYears roles { id } } } }`,
	"recommendations (O*NET)":         `{ recommendations(profile: {currentRole: "onet-15-1244-00"}, first: 5) { roles { role { id } score } } }`,
	"skill gap (O*NET)":               `{ skillGap(from: "onet-15-1232-00", to: "onet-15-1241-00") { total coverage skills { skill { id } weight } certifications { certification { id } } } }`,
	"reachable roles (O*NET)":         `{ reachableRoles(from: "onet-15-1232-00", withinYears: 6) { roles { role { id } shortestYears } } }`,
	"recommendations in Texas (OEWS)": `{ recommendations(profile: {currentRole: "onet-15-1232-00", area: "48"}, first: 5) { roles { role { id } score wages { median } reason } } }`,
	"wages by area (OEWS)":            `{ role(id: "onet-15-1244-00") { wages(area: "48") { median } wagesByArea(first: 10) { nodes { area { name } median employment } } } }`,
}

// peerQueries are the same questions as @neo4j/graphql (and bench/peer) is asked them.
var peerQueries = map[string]string{
	"role detail":             `{ roles(where: {id: {eq: "help-desk-technician"}}) { title skillsConnection { edges { properties { importance } node { name } } } certificationsConnection { edges { properties { relevance } node { name } } } nextRolesConnection { edges { properties { typicalYears } node { title } } } } }`,
	"role list":               `{ rolesConnection(where: {track: {eq: "INFRASTRUCTURE"}}, sort: [{title: ASC}], first: 10) { totalCount edges { node { id title level } } } }`,
	"career paths":            `{ careerPaths(from: "help-desk-technician", to: "senior-it-infrastructure-engineer", first: 3) { totalYears roleIds } }`,
	"recommendations":         `{ recommendations(role: "help-desk-technician", first: 5) { roleId score } }`,
	"career paths (O*NET)":    `{ careerPaths(from: "onet-15-1232-00", to: "onet-15-1299-08", first: 3) { totalYears roleIds } }`,
	"recommendations (O*NET)": `{ recommendations(role: "onet-15-1244-00", first: 5) { roleId score } }`,
}

// rawPaths are the same questions as the raw handler is asked them.
var rawPaths = map[string]string{
	"role detail":             "/role?id=help-desk-technician",
	"role list":               "/roles?track=INFRASTRUCTURE&first=10",
	"career paths":            "/paths?from=help-desk-technician&to=senior-it-infrastructure-engineer&first=3",
	"recommendations":         "/recommend?role=help-desk-technician&first=5",
	"career paths (O*NET)":    "/paths?from=onet-15-1232-00&to=onet-15-1299-08&first=3",
	"recommendations (O*NET)": "/recommend?role=onet-15-1244-00&first=5",
}

func servers(neo4jURI string) []server {
	ours := "http://127.0.0.1:18080"
	peer := "http://127.0.0.1:14000"
	raw := "http://127.0.0.1:18090"
	env := func(extra ...string) []string {
		return append(os.Environ(), append([]string{"NEO4J_URI=" + neo4jURI}, extra...)...)
	}
	return []server{
		{
			name: "careergraph",
			cmd: func(dir string) *exec.Cmd {
				c := exec.Command(filepath.Join(dir, "careergraph"))
				c.Env = env("ADDR=127.0.0.1:18080", "RATE_LIMIT=0", "LOG_LEVEL=error", "PLAYGROUND=false")
				return c
			},
			ready: request{method: "GET", url: ours + "/readyz"},
			request: func(w string) request {
				return gqlRequest(ours+"/graphql", ourQueries[w])
			},
		},
		{
			name: "@neo4j/graphql",
			cmd: func(string) *exec.Cmd {
				c := exec.Command("node", "bench/peer/server.mjs")
				c.Env = env("PORT=14000")
				return c
			},
			ready: gqlRequest(peer+"/graphql", `{ __typename }`),
			request: func(w string) request {
				return gqlRequest(peer+"/graphql", peerQueries[w])
			},
		},
		{
			name: "raw Go + Cypher",
			cmd: func(dir string) *exec.Cmd {
				c := exec.Command(filepath.Join(dir, "raw"))
				c.Env = env("ADDR=127.0.0.1:18090")
				return c
			},
			ready: request{method: "GET", url: raw + "/roles?first=1"},
			request: func(w string) request {
				return request{method: "GET", url: raw + rawPaths[w]}
			},
		},
	}
}

// warmUp is how long each workload runs unmeasured before a server's runs, so no server
// pays for a cold Neo4j or a cold JIT.
const warmUp = 4 * time.Second

type row struct {
	graph, server, workload, mode string
	round                         int
	res                           result
}

type usage struct {
	graph, server string
	round         int
	cpu, peakMiB  float64
}

// pass is one graph the servers are measured over, and the workloads asked of it.
type pass struct {
	graph     string
	workloads []string
	prepare   func() error // loads the graph before the pass
}

// plan is how each server is measured: clients of the closed-loop runs, requests a second
// of the fixed-rate runs, the length of a run, and the rounds.
type plan struct {
	workers, rate, rounds int
	d                     time.Duration
	baseline              string // with -scale: another careergraph binary, measured side by side
}

// compare builds the servers, then for each pass prepares the graph and measures the
// servers over it in alternating rounds.
func compare(out io.Writer, neo4jURI string, passes []pass, pl plan) ([]row, []usage, error) {
	dir, err := os.MkdirTemp("", "careergraph-bench")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(dir)
	for _, b := range [][]string{{"careergraph", "."}, {"raw", "./bench/raw"}} {
		if o, err := exec.Command("go", "build", "-o", filepath.Join(dir, b[0]), b[1]).CombinedOutput(); err != nil {
			return nil, nil, fmt.Errorf("build %s: %v: %s", b[0], err, o)
		}
	}
	var rows []row
	var usages []usage
	list := servers(neo4jURI)
	for _, p := range passes {
		fmt.Fprintf(out, "pass over the %s graph\n", p.graph)
		if err := p.prepare(); err != nil {
			return nil, nil, err
		}
		r, u, err := measurePass(out, p, list, dir, pl)
		if err != nil {
			return nil, nil, err
		}
		rows, usages = append(rows, r...), append(usages, u...)
	}
	return rows, usages, nil
}

// measurePass measures every server over one graph in pl.rounds rounds. The order of the
// servers turns each round, so each is measured first, in the middle and last, and every
// server is warmed the same way before each of its runs: the result does not depend on
// who goes first. Fixed-rate runs are in the first round only.
func measurePass(out io.Writer, p pass, list []server, dir string, pl plan) ([]row, []usage, error) {
	var rows []row
	var usages []usage
	// A first, unmeasured pass over every server warms Neo4j (its JIT and each server's
	// query plans).
	for _, s := range list {
		fmt.Fprintf(out, "warming up Neo4j with %s ...\n", s.name)
		_, stop, err := startServer(s, dir)
		if err != nil {
			return nil, nil, err
		}
		warm(s, p, pl.workers, warmUp)
		stop()
	}
	for round := range pl.rounds {
		order := append(slices.Clone(list[round%len(list):]), list[:round%len(list)]...)
		for _, s := range order {
			fmt.Fprintf(out, "round %d: measuring %s ...\n", round+1, s.name)
			r, u, err := measureServer(s, p, dir, pl, round)
			if err != nil {
				return nil, nil, err
			}
			rows, usages = append(rows, r...), append(usages, u)
		}
	}
	return rows, usages, nil
}

// measureServer starts s, warms it, runs every workload it answers and stops it.
func measureServer(s server, p pass, dir string, pl plan, round int) ([]row, usage, error) {
	cmd, stop, err := startServer(s, dir)
	if err != nil {
		return nil, usage{}, err
	}
	defer stop()
	warm(s, p, pl.workers, warmUp/2) // the server's own caches and JIT
	cpu0, t0 := cpuSeconds(cmd.Process.Pid), time.Now()
	var rows []row
	for _, w := range p.workloads {
		if !s.answers(w) {
			continue
		}
		req := s.request(w)
		rows = append(rows, row{p.graph, s.name, w, fmt.Sprintf("closed, %d clients", pl.workers), round, closedLoop(req, pl.workers, pl.d)})
		if round == 0 {
			rows = append(rows, row{p.graph, s.name, w, fmt.Sprintf("fixed %d/s", pl.rate), round, fixedRate(req, pl.rate, pl.d)})
		}
	}
	cpu := (cpuSeconds(cmd.Process.Pid) - cpu0) / time.Since(t0).Seconds()
	return rows, usage{p.graph, s.name, round, cpu * 100, peakRSS(cmd.Process.Pid)}, nil
}

// answers reports whether s is asked workload w.
func (s server) answers(w string) bool { return s.name == "careergraph" || !ownOnly[w] }

// warm runs each of p's workloads s answers for d, unmeasured.
func warm(s server, p pass, workers int, d time.Duration) {
	for _, w := range p.workloads {
		if s.answers(w) {
			closedLoop(s.request(w), workers, d)
		}
	}
}

// startServer starts s and waits until it answers; the returned func stops it.
func startServer(s server, dir string) (*exec.Cmd, func(), error) {
	cmd := s.cmd(dir)
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, nil, fmt.Errorf("start %s: %w", s.name, err)
	}
	stop := func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }
	if err := waitReady(s.ready); err != nil {
		stop()
		return nil, nil, fmt.Errorf("%s: %w", s.name, err)
	}
	return cmd, stop, nil
}

func waitReady(r request) error {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		req, _ := http.NewRequest(r.method, r.url, strings.NewReader(string(r.body)))
		if r.body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(300 * time.Millisecond)
	}
	return fmt.Errorf("not ready after 60 s")
}

// report prints, for each pass, the table and the ratios the targets are about, and
// returns it as text. A closed-loop figure is the median of the rounds, with their range;
// a ratio is worked out within each round, then its median and range are given.
func report(passes []pass, rows []row, usages []usage, rounds int) string {
	var b strings.Builder
	for _, p := range passes {
		fmt.Fprintf(&b, "### %s graph\n\n", p.graph)
		runsTable(&b, p, rows, rounds)
		usageTable(&b, p, usages)
		ratioTable(&b, p, rows, rounds)
	}
	return b.String()
}

// runsTable lists every server's runs: closed-loop medians over the rounds, fixed-rate runs.
func runsTable(b *strings.Builder, p pass, rows []row, rounds int) {
	fmt.Fprintf(b, "| server | workload | load | req/s (range over %d rounds) | p50 | p95 | p99 | errors |\n|---|---|---|---:|---:|---:|---:|---:|\n", rounds)
	for _, r := range rows {
		if r.graph != p.graph || r.round != 0 {
			continue
		}
		if strings.HasPrefix(r.mode, "fixed") {
			fmt.Fprintf(b, "| %s | %s | %s | %.0f | %s | %s | %s | %d |\n", r.server, r.workload, r.mode, r.res.rps(),
				ms(r.res.pct(50)), ms(r.res.pct(95)), ms(r.res.pct(99)), r.res.errors)
			continue
		}
		all := closedRuns(rows, p.graph, r.server, r.workload)
		rps := spread(all, func(x result) float64 { return x.rps() })
		lat := func(q int) string {
			return ms(time.Duration(spread(all, func(x result) float64 { return float64(x.pct(q)) }).med))
		}
		errs := 0
		for _, x := range all {
			errs += x.errors
		}
		fmt.Fprintf(b, "| %s | %s | %s | %.0f (%.0f–%.0f) | %s | %s | %s | %d |\n", r.server, r.workload, r.mode,
			rps.med, rps.lo, rps.hi, lat(50), lat(95), lat(99), errs)
	}
}

// usageTable gives each server's CPU (median over the rounds) and peak memory (highest).
func usageTable(b *strings.Builder, p pass, usages []usage) {
	fmt.Fprintf(b, "\n| server | CPU while measured (%% of one core) | peak memory (MiB) |\n|---|---:|---:|\n")
	for _, name := range []string{"careergraph", "@neo4j/graphql", "raw Go + Cypher"} {
		var mine []usage
		for _, u := range usages {
			if u.graph == p.graph && u.server == name {
				mine = append(mine, u)
			}
		}
		if len(mine) == 0 {
			continue
		}
		cpu := spread(mine, func(u usage) float64 { return u.cpu })
		peak := spread(mine, func(u usage) float64 { return u.peakMiB })
		fmt.Fprintf(b, "| %s | %.0f | %.0f |\n", name, cpu.med, peak.hi)
	}
}

// ratioTable gives the ratios the targets are about, each worked out within a round.
func ratioTable(b *strings.Builder, p pass, rows []row, rounds int) {
	rps := func(server, workload string, round int) float64 {
		for _, r := range rows {
			if r.graph == p.graph && r.server == server && r.workload == workload && r.round == round && strings.HasPrefix(r.mode, "closed") {
				return r.res.rps()
			}
		}
		return 0
	}
	ratio := func(a, bb, w string) string {
		byRound := make([]int, rounds)
		for i := range byRound {
			byRound[i] = i
		}
		wb := w
		if bb == "careergraph" {
			wb = "role detail"
		}
		s := spread(byRound, func(r int) float64 { return rps(a, w, r) / rps(bb, wb, r) })
		return fmt.Sprintf("%.2f× (%.2f–%.2f)", s.med, s.lo, s.hi)
	}
	fmt.Fprintf(b, "\n| workload | careergraph ÷ @neo4j/graphql throughput | careergraph ÷ raw throughput | careergraph ÷ its role detail |\n|---|---:|---:|---:|\n")
	for _, w := range p.workloads {
		own := ratio("careergraph", "careergraph", w)
		if ownOnly[w] {
			fmt.Fprintf(b, "| %s | – | – | %s |\n", w, own)
			continue
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", w, ratio("careergraph", "@neo4j/graphql", w), ratio("careergraph", "raw Go + Cypher", w), own)
	}
	b.WriteString("\n")
}

// closedRuns are a server's closed-loop runs of a workload, one a round.
func closedRuns(rows []row, graph, server, workload string) []result {
	var out []result
	for _, r := range rows {
		if r.graph == graph && r.server == server && r.workload == workload && strings.HasPrefix(r.mode, "closed") {
			out = append(out, r.res)
		}
	}
	return out
}

// stats are the median and the range of some figures.
type stats struct{ med, lo, hi float64 }

// spread returns the median, lowest and highest of f over items.
func spread[T any](items []T, f func(T) float64) stats {
	if len(items) == 0 {
		return stats{}
	}
	v := make([]float64, len(items))
	for i, it := range items {
		v[i] = f(it)
	}
	slices.Sort(v)
	med := v[len(v)/2]
	if len(v)%2 == 0 {
		med = (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return stats{med, v[0], v[len(v)-1]}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
