// Command careergraph-bench measures the service on the real Neo4j. It is not a test.
//
// With -compare (make bench), it runs this service, @neo4j/graphql (bench/peer) and a raw
// Go handler (bench/raw) one after another over the curated graph, then imports O*NET
// (unless -onet-pass=false) and measures them again over a thousand occupations, under
// the same load generator (closed loop and fixed rate), and prints a table per graph with
// each server's CPU and peak memory, also written to bench/results/latest.md.
//
// With -onet (make bench-import), it imports the full O*NET data, printing rows per second
// and total time, then measures career paths and recommendations over the imported graph.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/cli"
	"github.com/careergraph/careergraph/loaders"
	"github.com/careergraph/careergraph/oews"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

func main() { cli.Main("careergraph-bench", run) }

// workloads are the requests measured, each sent n times in turn.
var workloads = []struct{ name, query string }{
	{"careerPaths onet (years)", `{ careerPaths(from: "onet-15-1232-00", to: "onet-15-1299-08", first: 3, maxSteps: 6) { paths { totalYears roles { id } steps { skillsToGain { skill { name } } } } } }`},
	{"careerPaths onet (skill gap)", `{ careerPaths(from: "onet-15-1244-00", to: "onet-11-3021-00", rankBy: SKILL_GAP, first: 3, maxSteps: 4) { paths { skillGap roles { id } } } }`},
	{"careerPaths curated", `{ careerPaths(from: "help-desk-technician", to: "senior-it-infrastructure-engineer", first: 3) { paths { totalYears roles { id } } } }`},
	{"recommendations by role", `{ recommendations(profile: {currentRole: "onet-15-1232-00"}, first: 5) { roles { role { id } score reason } certifications { certification { id } } } }`},
	{"recommendations by skills", `{ recommendations(profile: {skills: [{skill: "onet-2-c-3-a", level: 5}, {skill: "onet-2-b-3-e", level: 4}]}, first: 5) { roles { role { id } score } } }`},
	{"role detail", `{ role(id: "onet-15-1244-00") { title skills { skill { name } importance } nextRoles { role { title } } technologies { technology { name } hot } } }`},
	{"recommendations in Texas", `{ recommendations(profile: {currentRole: "onet-15-1232-00", area: "48"}, first: 5) { roles { role { id } score wages { median } reason } } }`},
	{"wages by area", `{ role(id: "onet-15-1244-00") { wages(area: "48") { median } wagesByArea(first: 10) { nodes { area { name } median employment } } } }`},
}

// options are the command's own flags.
type options struct {
	n, workers, rate     int
	rounds               int
	skipImport, onetPass bool
	duration             time.Duration
}

func run(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	fs := flag.NewFlagSet("careergraph-bench", flag.ContinueOnError)
	var o options
	fs.IntVar(&o.n, "n", 200, "requests per O*NET workload")
	onetMode := fs.Bool("onet", false, "import O*NET and the OEWS wages and measure paths, recommendations, wages and words over them, one client at a time")
	fs.BoolVar(&o.skipImport, "skip-import", false, "with -onet: measure the graph as it is, without importing")
	compareMode := fs.Bool("compare", false, "compare this service with @neo4j/graphql and a raw Go handler")
	fs.IntVar(&o.workers, "workers", 8, "with -compare: clients of the closed-loop runs")
	fs.IntVar(&o.rate, "rate", 50, "with -compare: requests a second of the fixed-rate runs")
	fs.DurationVar(&o.duration, "duration", 5*time.Second, "with -compare: length of each run")
	fs.IntVar(&o.rounds, "rounds", 3, "with -compare or -scale: rounds of closed-loop runs, in turning order")
	scale := fs.String("scale", "", "grow O*NET to these multiples of its size (such as 1,3,10) and measure careergraph at each")
	baseline := fs.String("baseline", "", "with -scale: a careergraph binary built from another commit, measured in the same rounds, side by side")
	fs.BoolVar(&o.onetPass, "onet-pass", true, "with -compare: after the curated graph, import O*NET from ONET_DIR and measure again")
	cfg, err := config.Load(fs, args, getenv, config.Database, config.Wait, config.ONet, config.OEWS)
	switch {
	case err != nil:
		return err
	case *compareMode:
		return runCompare(ctx, cfg, o, out)
	case *scale != "":
		factors, err := parseFactors(*scale)
		if err != nil {
			return err
		}
		return runScale(ctx, cfg, factors, plan{workers: o.workers, rate: o.rate, rounds: max(1, o.rounds), d: o.duration,
			baseline: *baseline}, out)
	case *onetMode:
		return runONet(ctx, cfg, o, out)
	}
	return fmt.Errorf("choose -compare, -scale or -onet")
}

// runCompare measures careergraph, @neo4j/graphql and the raw handler side by side, over
// the curated graph and then O*NET, and writes bench/results/latest.md.
func runCompare(ctx context.Context, cfg config.Config, o options, out io.Writer) error {
	withStore := func(fn func(st *store.Store) error) func() error {
		return func() error {
			st, err := cli.Connect(ctx, cfg)
			if err != nil {
				return err
			}
			defer st.Close(ctx)
			return fn(st)
		}
	}
	passes := []pass{{graph: "curated", workloads: compareWorkloads, prepare: withStore(func(st *store.Store) error {
		return curatedOnly(ctx, st)
	})}}
	if o.onetPass {
		passes = append(passes, pass{graph: "O*NET + OEWS", workloads: onetWorkloads, prepare: withStore(func(st *store.Store) error {
			if err := importAll(ctx, st, cfg.ONetDir, out); err != nil {
				return err
			}
			return importWages(ctx, st, cfg.OEWSDir, out)
		})})
	}
	if o.rounds < 1 {
		return fmt.Errorf("-rounds must be at least 1")
	}
	rows, usages, err := compare(out, cfg.Neo4j.URI, passes, plan{workers: o.workers, rate: o.rate, rounds: o.rounds, d: o.duration})
	if err != nil {
		return err
	}
	table := fmt.Sprintf("careergraph benchmark, %s, %d CPUs; each run %s, %d rounds\n\n%s", time.Now().Format(time.RFC3339),
		runtime.NumCPU(), o.duration, o.rounds, report(passes, rows, usages, o.rounds))
	fmt.Fprintln(out, "\n"+table)
	if err := os.MkdirAll("bench/results", 0o755); err != nil {
		return err
	}
	return os.WriteFile("bench/results/latest.md", []byte(table), 0o644)
}

// runONet measures latency over O*NET and the OEWS wages, one client at a time, in this process.
func runONet(ctx context.Context, cfg config.Config, o options, out io.Writer) error {
	st, err := cli.Connect(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close(ctx)
	if !o.skipImport {
		if err := importAll(ctx, st, cfg.ONetDir, out); err != nil {
			return err
		}
		if err := importWages(ctx, st, cfg.OEWSDir, out); err != nil {
			return err // the wage workloads need them
		}
	}
	pl := planner.New(st)
	defer pl.Close()
	srv := httptest.NewServer(httpapi.NewServer(httpapi.Options{Schema: graph.NewSchema(st, pl), Ready: st,
		Loaders: loaders.Middleware(st, 2*time.Millisecond, nil), ListBound: pl.ListBound, Logger: zerolog.Nop()}))
	defer srv.Close()
	fmt.Fprintf(out, "\n%-30s %6s %9s %9s %9s %9s %7s\n", "workload (one client)", "n", "p50", "p95", "p99", "max", "errors")
	for _, w := range workloads {
		lat, errs := measure(srv.URL, w.query, o.n)
		fmt.Fprintf(out, "%-30s %6d %9s %9s %9s %9s %7d\n", w.name, o.n, pct(lat, 50), pct(lat, 95), pct(lat, 99), pct(lat, 100), errs)
	}
	return nil
}

// curatedOnly leaves the curated dataset alone in the graph (an earlier O*NET import goes).
func curatedOnly(ctx context.Context, st *store.Store) error {
	ds, err := dataset.Load(dataset.DefaultPath)
	if err != nil {
		return err
	}
	if err := st.Wipe(ctx); err != nil {
		return err
	}
	return st.Import(ctx, ds)
}

func importAll(ctx context.Context, st *store.Store, dir string, out io.Writer) error {
	start := time.Now()
	d, err := onet.Read(onet.Options{Dir: dir})
	if err != nil {
		return err
	}
	rows := 0
	for _, r := range d.Rows {
		rows += r
	}
	fmt.Fprintf(out, "read and checked %d rows in %s\n", rows, time.Since(start).Round(time.Millisecond))
	err = st.ImportONet(ctx, d, func(step string, n int, took time.Duration) {
		fmt.Fprintf(out, "  %-24s %7d rows %9s %9.0f rows/s\n", step, n, took.Round(time.Millisecond), float64(n)/took.Seconds())
	})
	if err != nil {
		return err
	}
	total := time.Since(start)
	fmt.Fprintf(out, "O*NET import: %d rows in %s, %.0f rows/s (target: under 60 s)\n", rows, total.Round(time.Millisecond), float64(rows)/total.Seconds())
	return nil
}

// importWages imports the OEWS estimates in dir (nothing when they are imported already).
func importWages(ctx context.Context, st *store.Store, dir string, out io.Writer) error {
	start := time.Now()
	d, err := oews.Read(oews.Options{Dir: dir})
	if err != nil {
		return err
	}
	err = st.ImportOEWS(ctx, d, func(step string, n int, took time.Duration) {
		fmt.Fprintf(out, "  %-24s %7d rows %9s\n", step, n, took.Round(time.Millisecond))
	})
	if err != nil && !errors.Is(err, store.ErrUnchanged) {
		return err
	}
	fmt.Fprintf(out, "OEWS import: %d estimates in %s (target: under 30 s)\n", len(d.Estimates), time.Since(start).Round(time.Millisecond))
	return nil
}

// measure sends query n times after a short warm-up and returns the latencies.
func measure(url, query string, n int) ([]time.Duration, int) {
	body, _ := json.Marshal(map[string]string{"query": query})
	errs := 0
	send := func() bool {
		resp, err := http.Post(url+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		var r struct{ Errors []any }
		return json.NewDecoder(resp.Body).Decode(&r) == nil && len(r.Errors) == 0 && resp.StatusCode == 200
	}
	for range 5 {
		send()
	}
	lat := make([]time.Duration, 0, n)
	for range n {
		t := time.Now()
		if !send() {
			errs++
		}
		lat = append(lat, time.Since(t))
	}
	slices.Sort(lat)
	return lat, errs
}

func pct(sorted []time.Duration, p int) string {
	if len(sorted) == 0 {
		return "-"
	}
	i := min(len(sorted)-1, (len(sorted)*p+99)/100-1)
	return sorted[max(0, i)].Round(100 * time.Microsecond).String()
}

// parseFactors reads -scale: whole multiples of O*NET's size, from 1 to 20.
func parseFactors(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 20 {
			return nil, fmt.Errorf("-scale %q: each size is a whole multiple of O*NET from 1 to 20", s)
		}
		out = append(out, n)
	}
	return out, nil
}
