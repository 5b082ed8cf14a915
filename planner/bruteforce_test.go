package planner_test

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/skillgap"
)

// Random graphs in Neo4j: careerPaths and reachableRoles must agree with a brute-force
// enumeration in Go of every simple path, ranked by the same cost and tie-break.
func TestPathsMatchBruteForce(t *testing.T) {
	st := neo4jtest.Scratch(t)
	ctx := context.Background()
	pl := over(t, st)
	for seed := uint64(1); seed <= 6; seed++ {
		rng := rand.New(rand.NewPCG(seed, 42))
		g := randomGraph(rng)
		if err := neo4jtest.Reset(ctx, st, g.ds); err != nil {
			t.Fatal(err)
		}
		if err := pl.Refresh(ctx); err != nil { // the planner checks the graph only every so often
			t.Fatal(err)
		}
		for i := 0; i < 30; i++ {
			q, from := g.randomQuery(rng)
			name := fmt.Sprintf("seed %d query %d: from %s %+v", seed, i, from, q)
			start, err := pl.ResolveStart(ctx, from, nil)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got, err := pl.Paths(ctx, start, q)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			comparePaths(t, name, got.Paths, g.bruteForce(from, q))

			rq := planner.ReachQuery{MaxSteps: &q.MaxSteps, PromotionsOnly: q.PromotionsOnly, Avoid: q.Avoid}
			if rng.IntN(2) == 0 {
				y := float64(1 + rng.IntN(10))
				rq.WithinYears = &y
			}
			reach, err := pl.Reachable(ctx, start, rq)
			if err != nil {
				t.Fatalf("%s: reachable: %v", name, err)
			}
			compareReach(t, name, reach, g.bruteReach(from, rq))
		}
	}
}

type graph struct {
	ds    *domain.Dataset
	ids   []string
	out   map[string][]domain.Progression
	needs map[string][]skillgap.Need
}

func randomGraph(rng *rand.Rand) graph {
	n := 6 + rng.IntN(5)
	g := graph{ds: &domain.Dataset{Sources: []domain.Source{{ID: "t", Title: "t"}}},
		out: map[string][]domain.Progression{}, needs: map[string][]skillgap.Need{}}
	src := []string{"t"}
	for s := range 10 {
		g.ds.Skills = append(g.ds.Skills, domain.Skill{ID: fmt.Sprintf("s%d", s), Name: "s", Category: "LINUX",
			Description: "d", SourceIDs: src})
	}
	for i := range n {
		id := fmt.Sprintf("r%d", i)
		g.ids = append(g.ids, id)
		g.ds.Roles = append(g.ds.Roles, domain.Role{ID: id, Title: id, Track: "SYSTEMS", Level: "MID", Summary: "s", SourceIDs: src})
		for _, s := range rng.Perm(10)[:2+rng.IntN(4)] {
			r := domain.Requirement{Role: id, Skill: fmt.Sprintf("s%d", s), Importance: float64(1 + rng.IntN(5)),
				Level: float64(1 + rng.IntN(7)), SourceID: "t"}
			g.ds.Requirements = append(g.ds.Requirements, r)
			g.needs[id] = append(g.needs[id], skillgap.Need{SkillID: r.Skill, Importance: r.Importance, Level: r.Level})
		}
	}
	for _, a := range g.ids {
		for _, b := range g.ids {
			if a != b && rng.Float64() < 0.28 {
				p := domain.Progression{From: a, To: b, TypicalYears: float64(1+rng.IntN(8)) / 2,
					Kind: domain.ProgressionKinds[rng.IntN(3)], SourceID: "t"}
				g.ds.Progressions = append(g.ds.Progressions, p)
				g.out[a] = append(g.out[a], p)
			}
		}
	}
	return g
}

func (g graph) randomQuery(rng *rand.Rand) (planner.PathQuery, string) {
	perm := rng.Perm(len(g.ids))
	from, to := g.ids[perm[0]], g.ids[perm[1]]
	q := planner.PathQuery{To: to, RankBy: []string{planner.ByYears, planner.BySteps, planner.BySkillGap}[rng.IntN(3)],
		First: 1 + rng.IntN(10), MaxSteps: 1 + rng.IntN(6), PromotionsOnly: rng.IntN(4) == 0, Avoid: []string{}}
	rest := perm[2:]
	for _, i := range rest[:rng.IntN(min(3, len(rest)))] {
		q.Avoid = append(q.Avoid, g.ids[i])
	}
	if rng.IntN(3) == 0 {
		q.Via = g.ids[rest[len(rest)-1]]
	}
	return q, from
}

type brutePath struct {
	key         string
	years, cost float64
	gap         float64
}

// walk calls visit for every simple path from `from` of at most maxSteps moves that
// passes the filters.
func (g graph) walk(from string, maxSteps int, promotionsOnly bool, avoid []string, visit func(roles []string, moves []domain.Progression)) {
	var roles []string
	var moves []domain.Progression
	var dfs func(at string)
	dfs = func(at string) {
		roles = append(roles, at)
		if len(moves) > 0 {
			visit(roles, moves)
		}
		if len(moves) < maxSteps {
			for _, e := range g.out[at] {
				if slices.Contains(roles, e.To) || slices.Contains(avoid, e.To) || (promotionsOnly && e.Kind != domain.KindPromotion) {
					continue
				}
				moves = append(moves, e)
				dfs(e.To)
				moves = moves[:len(moves)-1]
			}
		}
		roles = roles[:len(roles)-1]
	}
	dfs(from)
}

func (g graph) bruteForce(from string, q planner.PathQuery) []brutePath {
	var all []brutePath
	g.walk(from, q.MaxSteps, q.PromotionsOnly, q.Avoid, func(roles []string, moves []domain.Progression) {
		if roles[len(roles)-1] != q.To || (q.Via != "" && !slices.Contains(roles, q.Via)) {
			return
		}
		p := brutePath{key: strings.Join(roles, ">") + ">"}
		held := skillgap.Held{}
		held.Raise(g.needs[from])
		for i, m := range moves {
			p.years += m.TypicalYears
			next := g.needs[roles[i+1]]
			p.gap += skillgap.Total(skillgap.Shortfalls(held, next))
			held.Raise(next)
		}
		switch q.RankBy {
		case planner.ByYears:
			p.cost = p.years
		case planner.BySteps:
			p.cost = float64(len(moves))
		default:
			p.cost = p.gap
		}
		all = append(all, p)
	})
	slices.SortFunc(all, func(a, b brutePath) int { return cmp.Or(cmp.Compare(a.cost, b.cost), strings.Compare(a.key, b.key)) })
	return all[:min(q.First, len(all))]
}

func comparePaths(t *testing.T, name string, got []planner.Path, want []brutePath) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d paths, brute force %d", name, len(got), len(want))
		return
	}
	for i := range got {
		k := planner.Key(got[i].Roles)
		if k != want[i].key || got[i].TotalYears != want[i].years || math.Abs(got[i].SkillGap-want[i].gap) > 1e-9 || got[i].Rank != i+1 {
			t.Errorf("%s: path %d is %s (%v years, gap %v), brute force %s (%v years, gap %v)",
				name, i+1, k, got[i].TotalYears, got[i].SkillGap, want[i].key, want[i].years, want[i].gap)
		}
	}
}

type bruteReach struct {
	years        float64
	steps, paths int
}

func (g graph) bruteReach(from string, q planner.ReachQuery) map[string]bruteReach {
	out := map[string]bruteReach{}
	g.walk(from, *q.MaxSteps, q.PromotionsOnly, q.Avoid, func(roles []string, moves []domain.Progression) {
		years := 0.0
		for _, m := range moves {
			years += m.TypicalYears
		}
		if q.WithinYears != nil && years > *q.WithinYears {
			return
		}
		end := roles[len(roles)-1]
		r, seen := out[end]
		if !seen || years < r.years {
			r.years = years
		}
		if !seen || len(moves) < r.steps {
			r.steps = len(moves)
		}
		r.paths++
		out[end] = r
	})
	return out
}

func compareReach(t *testing.T, name string, got planner.Reachable, want map[string]bruteReach) {
	t.Helper()
	if len(got.Roles) != len(want) {
		t.Errorf("%s: reachable %d roles, brute force %d", name, len(got.Roles), len(want))
	}
	for i, r := range got.Roles {
		w := want[r.Role.ID]
		if r.ShortestYears != w.years || r.FewestSteps != w.steps || r.Paths != w.paths {
			t.Errorf("%s: reach %s = %v years, %d steps, %d paths; brute force %+v", name, r.Role.ID,
				r.ShortestYears, r.FewestSteps, r.Paths, w)
		}
		if i > 0 && cmp.Or(cmp.Compare(got.Roles[i-1].ShortestYears, r.ShortestYears), strings.Compare(got.Roles[i-1].Role.ID, r.Role.ID)) > 0 {
			t.Errorf("%s: reachable roles out of order at %s", name, r.Role.ID)
		}
	}
}
