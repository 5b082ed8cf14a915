package planner

import (
	"cmp"
	"container/heap"
	"slices"
	"strings"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/store"
)

// searchBudget bounds the partial paths one search may create, so that no question, on
// any graph, costs more than a few tens of milliseconds of CPU.
const searchBudget = 100_000

// MaxPathSteps is the longest path a search may look for.
const MaxPathSteps = 8

// pathSearch asks for career paths between two roles.
type pathSearch struct {
	From, To       string
	MaxSteps       int    // 1..MaxPathSteps
	Cost           string // YEARS or STEPS: the order paths come back in
	Limit          int    // how many paths at most
	PromotionsOnly bool
	Avoid          []string
	Via            string // a role the path must pass through; empty for any
}

// foundPath is a path of roles and the moves between them (len(Moves) == len(Roles)-1).
type foundPath struct {
	Roles []domain.Role
	Moves []domain.Progression
}

// reachSearch asks where someone can get to from a role.
type reachSearch struct {
	From           string
	MaxSteps       int      // 1..MaxPathSteps
	WithinYears    *float64 // nil for no limit on time
	PromotionsOnly bool
	Avoid          []string
}

// Reach is a role someone can reach, how soon, and by how many paths.
type Reach struct {
	Role          domain.Role
	ShortestYears float64
	FewestSteps   int
	Paths         int
	Wages         *domain.Wage // in the question's area, or the nation's
}

// graphView is the career moves of a snapshot as the search needs them.
type graphView struct {
	out map[string][]domain.Progression // moves out of each role, by target id
	in  map[string][]string             // roles with a move into each role
}

func newGraphView(cands []store.Candidate) graphView {
	g := graphView{out: map[string][]domain.Progression{}, in: map[string][]string{}}
	for _, c := range cands {
		moves := slices.Clone(c.Moves)
		slices.SortFunc(moves, func(a, b domain.Progression) int { return strings.Compare(a.To, b.To) })
		g.out[c.Role.ID] = moves
		for _, m := range moves {
			g.in[m.To] = append(g.in[m.To], c.Role.ID)
		}
	}
	return g
}

// stepsTo is, for every role that can reach target in at most limit moves, the fewest
// moves it takes (a breadth-first search backwards from target).
func (g graphView) stepsTo(target string, limit int, allowed func(from string, m domain.Progression) bool) map[string]int {
	dist := map[string]int{target: 0}
	frontier := []string{target}
	for d := 1; d <= limit && len(frontier) > 0; d++ {
		var next []string
		for _, to := range frontier {
			for _, from := range g.in[to] {
				if _, seen := dist[from]; seen {
					continue
				}
				i, ok := slices.BinarySearchFunc(g.out[from], to, func(m domain.Progression, id string) int { return strings.Compare(m.To, id) })
				if ok && allowed(from, g.out[from][i]) {
					dist[from] = d
					next = append(next, from)
				}
			}
		}
		frontier = next
	}
	return dist
}

// partial is a path being extended by the search: its last move and the path before it.
type partial struct {
	prev  *partial
	role  string
	move  domain.Progression // into role; zero for the start
	steps int
	cost  float64
	key   string
}

// has reports whether the path passes through id.
func (p *partial) has(id string) bool {
	for ; p != nil; p = p.prev {
		if p.role == id {
			return true
		}
	}
	return false
}

type frontier []*partial

func (f frontier) Len() int { return len(f) }
func (f frontier) Less(i, j int) bool {
	return cmp.Or(cmp.Compare(f[i].cost, f[j].cost), strings.Compare(f[i].key, f[j].key)) < 0
}
func (f frontier) Swap(i, j int) { f[i], f[j] = f[j], f[i] }
func (f *frontier) Push(x any)   { *f = append(*f, x.(*partial)) }
func (f *frontier) Pop() any {
	old := *f
	x := old[len(old)-1]
	*f = old[:len(old)-1]
	return x
}

// searchPaths finds the q.Limit best simple paths (no role twice) from q.From to q.To of at
// most q.MaxSteps moves, in the order of q.Cost (summed typical years, or moves) with ties
// broken by the ids along the path. Partial paths are expanded cheapest first; since no
// move costs less than nothing, a partial path never ranks after its extensions, so paths
// are found in exactly that order. A role is only entered if the target (and the via role,
// while it is still ahead) can be reached from it in the moves left.
func (s *snapshot) searchPaths(q pathSearch) ([]foundPath, bool) {
	r, ok := s.pruning(q)
	if !ok {
		return nil, true
	}
	start := &partial{role: q.From, key: q.From + ">"}
	h := &frontier{start}
	var out []foundPath
	budget := searchBudget
	for h.Len() > 0 && len(out) < q.Limit {
		p := heap.Pop(h).(*partial)
		last := p.role
		if last == q.To {
			if q.Via == "" || p.has(q.Via) {
				out = append(out, s.storePath(p))
			}
			continue
		}
		used := p.steps
		for _, m := range s.view.out[last] {
			if !r.allowed(last, m) || p.has(m.To) || !r.canFinish(p, m.To, q.MaxSteps-used-1) {
				continue
			}
			if budget--; budget == 0 {
				return out, false
			}
			step := m.TypicalYears
			if q.Cost != ByYears {
				step = 1
			}
			heap.Push(h, &partial{prev: p, role: m.To, move: m, steps: p.steps + 1, cost: p.cost + step, key: p.key + m.To + ">"})
		}
	}
	return out, true
}

// pruner keeps a path search to the moves allowed and the roles from which the target
// (through the via role while it is still ahead) can be reached in the moves left.
type pruner struct {
	via         string
	avoid       map[string]bool
	promotions  bool
	toTarget    map[string]int // fewest allowed moves from a role to the target
	toVia       map[string]int // and to the via role
	viaToTarget int
}

// pruning prepares q's pruner; ok is false when no path can exist.
func (s *snapshot) pruning(q pathSearch) (r pruner, ok bool) {
	r = pruner{via: q.Via, avoid: map[string]bool{}, promotions: q.PromotionsOnly}
	for _, a := range q.Avoid {
		r.avoid[a] = true
	}
	r.toTarget = s.view.stepsTo(q.To, q.MaxSteps, r.allowed)
	if q.Via != "" {
		r.toVia = s.view.stepsTo(q.Via, q.MaxSteps, r.allowed)
		if r.viaToTarget, ok = r.toTarget[q.Via]; !ok {
			return r, false
		}
	}
	_, ok = r.toTarget[q.From]
	return r, ok
}

func (r pruner) allowed(from string, m domain.Progression) bool {
	return !r.avoid[m.To] && !r.avoid[from] && (!r.promotions || m.Kind == domain.KindPromotion)
}

// canFinish reports whether p extended to role can still reach the target (and the via
// role first, when p has not passed it) in left moves.
func (r pruner) canFinish(p *partial, role string, left int) bool {
	if d, ok := r.toTarget[role]; !ok || d > left {
		return false
	}
	if r.via == "" || role == r.via || p.has(r.via) {
		return true
	}
	dv, ok := r.toVia[role]
	return ok && dv+r.viaToTarget <= left
}

func (s *snapshot) storePath(p *partial) foundPath {
	out := foundPath{Roles: make([]domain.Role, p.steps+1), Moves: make([]domain.Progression, p.steps)}
	for q := p; q != nil; q = q.prev {
		out.Roles[q.steps] = s.roles[q.role]
		if q.steps > 0 {
			out.Moves[q.steps-1] = q.move
		}
	}
	return out
}

// reach finds every role reachable from q.From by simple paths of at most q.MaxSteps
// moves (and q.WithinYears summed typical years, when given), with its shortest time,
// fewest moves and number of paths, soonest first. Paths are followed depth first and
// dropped as soon as they run over either bound.
func (s *snapshot) reach(q reachSearch) ([]Reach, bool) {
	avoid := map[string]bool{}
	for _, a := range q.Avoid {
		avoid[a] = true
	}
	found := map[string]*Reach{}
	budget := searchBudget
	onPath := map[string]bool{q.From: true}
	var walk func(at string, steps int, years float64) bool
	walk = func(at string, steps int, years float64) bool {
		for _, m := range s.view.out[at] {
			if avoid[m.To] || onPath[m.To] || (q.PromotionsOnly && m.Kind != domain.KindPromotion) {
				continue
			}
			y := years + m.TypicalYears
			if q.WithinYears != nil && y > *q.WithinYears {
				continue
			}
			if budget--; budget == 0 {
				return false
			}
			r := found[m.To]
			if r == nil {
				r = &Reach{Role: s.roles[m.To], ShortestYears: y, FewestSteps: steps + 1}
				found[m.To] = r
			}
			r.ShortestYears, r.FewestSteps, r.Paths = min(r.ShortestYears, y), min(r.FewestSteps, steps+1), r.Paths+1
			if steps+1 < q.MaxSteps {
				onPath[m.To] = true
				ok := walk(m.To, steps+1, y)
				delete(onPath, m.To)
				if !ok {
					return false
				}
			}
		}
		return true
	}
	complete := walk(q.From, 0, 0)
	out := make([]Reach, 0, len(found))
	for _, r := range found {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b Reach) int {
		return cmp.Or(cmp.Compare(a.ShortestYears, b.ShortestYears), strings.Compare(a.Role.ID, b.Role.ID))
	})
	return out, complete
}
