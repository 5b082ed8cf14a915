package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/cli"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/store"
)

// scaleWorkloads are the questions measured at every size, one server, as careergraph is asked them.
var scaleWorkloads = []struct{ name, query string }{
	{"role detail", ourQueries["role detail"]},
	{"recommendations (occupation)", `{ recommendations(profile: {currentRole: "onet-15-1244-00"}, first: 5) { roles { role { id } score } } }`},
	{"recommendations (skills only)", `{ recommendations(profile: {skills: [{skill: "onet-2-c-3-a", level: 5}, {skill: "onet-2-b-3-e", level: 4}]}, first: 5) { roles { role { id } score } } }`},
	{"career paths", `{ careerPaths(from: "onet-15-1232-00", to: "onet-15-1299-08", first: 3) { paths { totalYears roles { id } } } }`},
	{"reachable roles", `{ reachableRoles(from: "onet-15-1232-00", withinYears: 6) { roles { role { id } shortestYears } } }`},
	{"search", `{ search(text: "network administrator", first: 10) { score node { id } } }`},
}

// sizeResult is what one size of the graph measured.
type sizeResult struct {
	factor, roles           int
	importTook, ready, load time.Duration
	refresh, refreshSeen    time.Duration
	removalSeen             time.Duration
	direct                  []time.Duration // direct Neo4j edits, each until the server had loaded it
	rssMiB, peakMiB         float64
	runs                    map[string][]result
	base                    map[string][]result // the -baseline binary's, round by round
	starts, baseStarts      []startUp           // start-ups, round by round, this build's and the -baseline's
}

// startUp is one start of a server over the grown graph: how long until /readyz answered 200,
// the snapshot load it reports, and its peak memory then (VmHWM, MiB).
type startUp struct {
	ready, load time.Duration
	peakMiB     float64
}

// runScale grows O*NET to each factor of its size (onet.Grow, seed 1), imports it over the
// curated graph, and measures one careergraph server over it: how long until it is ready,
// its snapshot load, a curator edit patched in, memory, and each workload in pl.rounds rounds.
func runScale(ctx context.Context, cfg config.Config, factors []int, pl plan, out io.Writer) error {
	d, err := onet.Read(onet.Options{Dir: cfg.ONetDir})
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "careergraph-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if o, err := exec.Command("go", "build", "-o", filepath.Join(dir, "careergraph"), ".").CombinedOutput(); err != nil {
		return fmt.Errorf("build careergraph: %v: %s", err, o)
	}
	st, err := cli.Connect(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close(ctx)
	// The grown graph's synthetic roles would stay in the one database Neo4j Community
	// has, and answer (and be evaluated) as if they were real: the curated graph goes back.
	defer func() {
		if cerr := curatedOnly(context.WithoutCancel(ctx), st); cerr != nil {
			fmt.Fprintf(out, "restoring the curated graph: %v\n", cerr)
		} else {
			fmt.Fprintln(out, "the graph holds the curated dataset again (make onet and make oews import the real data)")
		}
	}()
	var results []sizeResult
	for _, f := range factors {
		fmt.Fprintf(out, "size %d×: importing ...\n", f)
		r, err := measureSize(ctx, st, cfg.Neo4j, d, f, dir, pl, out)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	table := fmt.Sprintf("careergraph scale benchmark, %s; each run %s, %d rounds, %d clients\n\n%s",
		time.Now().Format(time.RFC3339), pl.d, pl.rounds, pl.workers, scaleReport(results))
	fmt.Fprintln(out, "\n"+table)
	if err := os.MkdirAll("bench/results", 0o755); err != nil {
		return err
	}
	return os.WriteFile("bench/results/scale.md", []byte(table), 0o644)
}

func measureSize(ctx context.Context, st *store.Store, n4 config.Neo4j, d *onet.Data, f int, dir string, pl plan, out io.Writer) (sizeResult, error) {
	uri := n4.URI
	r := sizeResult{factor: f, runs: map[string][]result{}, base: map[string][]result{}}
	if err := curatedOnly(ctx, st); err != nil {
		return r, err
	}
	start := time.Now()
	if err := st.ImportONet(ctx, onet.Grow(d, f, 1), func(step string, n int, took time.Duration) {
		fmt.Fprintf(out, "  %-24s %8d rows %9s\n", step, n, took.Round(time.Millisecond))
	}); err != nil {
		return r, err
	}
	r.importTook = time.Since(start)
	if err := startRounds(&r, uri, dir, pl); err != nil {
		return r, err
	}
	start = time.Now()
	cmd, stop, err := startServer(scaleServer(filepath.Join(dir, "careergraph"), uri, "18080"), dir)
	if err != nil {
		return r, err
	}
	defer stop()
	r.ready = time.Since(start)
	m := scrape()
	r.load, r.roles = seconds(m["careergraph_snapshot_load_seconds"]), int(m["careergraph_snapshot_roles"])
	r.rssMiB = procMiB(cmd.Process.Pid, "VmRSS")
	if r.refresh, r.refreshSeen, r.removalSeen, err = refreshAfterEdit(ctx, st); err != nil {
		return r, err
	}
	if r.direct, err = directEdits(ctx, n4, 3); err != nil {
		return r, fmt.Errorf("direct edits: %w", err)
	}
	fmt.Fprintf(out, "size %d×: %d roles, ready after %s, load %s; measuring ...\n", f, r.roles, r.ready.Round(time.Millisecond), r.load.Round(time.Millisecond))
	ports := []string{"18080"}
	if pl.baseline != "" {
		_, stopBase, err := startServer(scaleServer(pl.baseline, uri, "18081"), dir)
		if err != nil {
			return r, err
		}
		defer stopBase()
		ports = append(ports, "18081")
	}
	for round := range pl.rounds {
		for i := range scaleWorkloads {
			w := scaleWorkloads[(i+round)%len(scaleWorkloads)] // the order turns each round
			for k := range ports {
				port := ports[(k+round)%len(ports)] // and so does the servers'
				req := gqlRequest("http://127.0.0.1:"+port+"/graphql", w.query)
				closedLoop(req, pl.workers, time.Second)
				if res := closedLoop(req, pl.workers, pl.d); port == "18080" {
					r.runs[w.name] = append(r.runs[w.name], res)
				} else {
					r.base[w.name] = append(r.base[w.name], res)
				}
			}
		}
	}
	r.peakMiB = procMiB(cmd.Process.Pid, "VmHWM")
	return r, nil
}

// startRounds starts the server, and the -baseline's, pl.rounds times each over the graph
// as imported, one at a time, the order turning each round, and records each start (after
// one start not recorded, which warms Neo4j's caches after the import).
func startRounds(r *sizeResult, uri, dir string, pl plan) error {
	binaries := []string{filepath.Join(dir, "careergraph")}
	if pl.baseline != "" {
		binaries = append(binaries, pl.baseline)
	}
	_, stop, err := startServer(scaleServer(binaries[0], uri, "18080"), dir) // a first read warms Neo4j's caches for all
	if err != nil {
		return err
	}
	stop()
	for round := range pl.rounds {
		for k := range binaries {
			i := (k + round) % len(binaries)
			began := time.Now()
			cmd, stop, err := startServer(scaleServer(binaries[i], uri, "18080"), dir)
			if err != nil {
				return err
			}
			st := startUp{ready: time.Since(began), load: seconds(scrape()["careergraph_snapshot_load_seconds"]),
				peakMiB: procMiB(cmd.Process.Pid, "VmHWM")}
			stop()
			if i == 0 {
				r.starts = append(r.starts, st)
			} else {
				r.baseStarts = append(r.baseStarts, st)
			}
		}
	}
	return nil
}

// scaleServer is a careergraph binary serving on port over the Neo4j at uri.
func scaleServer(binary, uri, port string) server {
	return server{name: filepath.Base(binary), cmd: func(string) *exec.Cmd {
		c := exec.Command(binary)
		c.Env = append(os.Environ(), "NEO4J_URI="+uri, "ADDR=127.0.0.1:"+port, "RATE_LIMIT=0", "LOG_LEVEL=error", "PLAYGROUND=false")
		return c
	}, ready: request{method: "GET", url: "http://127.0.0.1:" + port + "/readyz"}}
}

// refreshAfterEdit makes a curator edit through the store (another replica's, as far as
// the server knows), waits until the server has patched its snapshot with it, then removes
// it and waits again: the edit's patch time, and how long after the edit and after its
// removal each was in the server's snapshot.
func refreshAfterEdit(ctx context.Context, st *store.Store) (took, seen, removalSeen time.Duration, err error) {
	edit := domain.Requirement{Role: "help-desk-technician", Skill: "terraform", Importance: 2, Level: 2}
	if seen, err = patchedAfter(func() error { return st.SetRequirement(ctx, edit) }); err != nil {
		return 0, 0, 0, fmt.Errorf("the edit to measure a refresh: %w", err)
	}
	took = seconds(scrape()["careergraph_snapshot_patch_seconds"])
	removalSeen, err = patchedAfter(func() error {
		_, err := st.RemoveEdge(ctx, "requirement", edit.Role, edit.Skill)
		return err
	})
	return took, seen, removalSeen, err
}

// patchedAfter makes an edit and returns how long after it the server had patched it in.
func patchedAfter(edit func() error) (time.Duration, error) {
	before := scrape()["careergraph_snapshot_patches_total"]
	start := time.Now()
	if err := edit(); err != nil {
		return 0, err
	}
	for scrape()["careergraph_snapshot_patches_total"] <= before {
		if time.Since(start) > 2*time.Minute {
			return 0, fmt.Errorf("no patch within 2 minutes of an edit")
		}
		time.Sleep(20 * time.Millisecond)
	}
	return time.Since(start), nil
}

// scrape reads the server's metrics that have no labels.
func scrape() map[string]float64 {
	out := map[string]float64{}
	resp, err := http.Get("http://127.0.0.1:18080/metrics")
	if err != nil {
		return out
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if name, v, ok := strings.Cut(sc.Text(), " "); ok && !strings.HasPrefix(name, "#") && !strings.Contains(name, "{") {
			out[name], _ = strconv.ParseFloat(v, 64)
		}
	}
	return out
}

func seconds(f float64) time.Duration { return time.Duration(f * float64(time.Second)) }

// procMiB reads a memory figure (VmRSS, VmHWM) of a process from /proc, in MiB.
func procMiB(pid int, field string) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// scaleReport tabulates the sizes side by side.
func scaleReport(rs []sizeResult) string {
	var b strings.Builder
	b.WriteString("| measure |")
	for _, r := range rs {
		fmt.Fprintf(&b, " %d× (%d roles) |", r.factor, r.roles)
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|", len(rs)) + "\n")
	row := func(name string, cell func(r sizeResult) string) {
		fmt.Fprintf(&b, "| %s |", name)
		for _, r := range rs {
			fmt.Fprintf(&b, " %s |", cell(r))
		}
		b.WriteString("\n")
	}
	row("import (curated + grown O*NET)", func(r sizeResult) string { return r.importTook.Round(100 * time.Millisecond).String() })
	startRow := func(name string, f func(startUp) float64, unit string) {
		row(name+", median (range) of the starts", func(r sizeResult) string {
			s := spread(r.starts, f)
			return fmt.Sprintf("%.2f%s (%.2f–%.2f)", s.med, unit, s.lo, s.hi)
		})
		if len(rs) > 0 && len(rs[0].baseStarts) > 0 {
			row(name+": this build ÷ -baseline", func(r sizeResult) string { return startRatio(r, f) })
		}
	}
	startRow("ready after start", func(s startUp) float64 { return s.ready.Seconds() }, " s")
	startRow("snapshot load", func(s startUp) float64 { return s.load.Seconds() }, " s")
	startRow("peak memory once ready", func(s startUp) float64 { return s.peakMiB }, " MiB")
	row("curator edit elsewhere: patched in / seen after / removal seen after", func(r sizeResult) string {
		return r.refresh.Round(10*time.Millisecond).String() + " / " + r.refreshSeen.Round(10*time.Millisecond).String() +
			" / " + r.removalSeen.Round(10*time.Millisecond).String()
	})
	row("direct Neo4j edit: seen after, median (range) of 3", func(r sizeResult) string {
		s := spread(r.direct, func(d time.Duration) float64 { return d.Seconds() })
		return fmt.Sprintf("%.2f s (%.2f–%.2f)", s.med, s.lo, s.hi)
	})
	row("resident memory after load / peak (MiB)", func(r sizeResult) string { return fmt.Sprintf("%.0f / %.0f", r.rssMiB, r.peakMiB) })
	for _, w := range scaleWorkloads {
		row(w.name+": req/s (range), p99", func(r sizeResult) string {
			rps := spread(r.runs[w.name], func(x result) float64 { return x.rps() })
			p99 := spread(r.runs[w.name], func(x result) float64 { return float64(x.pct(99)) })
			return fmt.Sprintf("%.0f (%.0f–%.0f), %s", rps.med, rps.lo, rps.hi, ms(time.Duration(p99.med)))
		})
	}
	row("recommendations (occupation) ÷ role detail", func(r sizeResult) string { return ratioOf(r, "recommendations (occupation)") })
	row("recommendations (skills only) ÷ role detail", func(r sizeResult) string { return ratioOf(r, "recommendations (skills only)") })
	row("career paths ÷ role detail", func(r sizeResult) string { return ratioOf(r, "career paths") })
	row("reachable roles ÷ role detail", func(r sizeResult) string { return ratioOf(r, "reachable roles") })
	for _, w := range scaleWorkloads {
		if len(rs) > 0 && len(rs[0].base[w.name]) > 0 {
			row(w.name+": this build ÷ -baseline", func(r sizeResult) string { return ratioTo(r.runs[w.name], r.base[w.name]) })
		}
	}
	return b.String()
}

// startRatio is a start-up figure of this build over the -baseline's, round by round:
// median and range.
func startRatio(r sizeResult, f func(startUp) float64) string {
	rounds := make([]int, min(len(r.starts), len(r.baseStarts)))
	for i := range rounds {
		rounds[i] = i
	}
	s := spread(rounds, func(i int) float64 { return f(r.starts[i]) / f(r.baseStarts[i]) })
	return fmt.Sprintf("%.2f× (%.2f–%.2f)", s.med, s.lo, s.hi)
}

// ratioOf is a workload's throughput over role detail's, round by round: median and range.
func ratioOf(r sizeResult, w string) string { return ratioTo(r.runs[w], r.runs["role detail"]) }

// ratioTo is the throughput of a over b's, round by round: median and range.
func ratioTo(a, b []result) string {
	rounds := make([]int, min(len(a), len(b)))
	for i := range rounds {
		rounds[i] = i
	}
	s := spread(rounds, func(i int) float64 { return a[i].rps() / b[i].rps() })
	return fmt.Sprintf("%.2f× (%.2f–%.2f)", s.med, s.lo, s.hi)
}
