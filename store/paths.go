package store

import (
	"context"
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/careergraph/careergraph/career"
)

// MaxPathSteps is the longest path the path statements can search.
const MaxPathSteps = 8

var (
	//go:embed cypher/career_paths.cypher
	careerPathsCypher string
	//go:embed cypher/reachable_roles.cypher
	reachableRolesCypher string

	careerPathsBySteps    = bySteps(careerPathsCypher)
	reachableRolesBySteps = bySteps(reachableRolesCypher)
)

// bySteps prepares one statement per allowed path length: Cypher takes a quantifier's
// bounds only as literals, so they come from this fixed set, never from client text.
func bySteps(cypher string) map[int]string {
	out := make(map[int]string, MaxPathSteps)
	for n := 1; n <= MaxPathSteps; n++ {
		out[n] = strings.ReplaceAll(cypher, "MAX_STEPS", strconv.Itoa(n))
	}
	return out
}

// PathSearch asks for career paths between two roles.
type PathSearch struct {
	From, To       string
	MaxSteps       int    // 1..MaxPathSteps
	Cost           string // YEARS or STEPS: the order paths come back in
	Limit          int    // how many paths at most
	PromotionsOnly bool
	Avoid          []string
	Via            string // a role the path must pass through; empty for any
}

// Path is a path of roles and the moves between them (len(Moves) == len(Roles)-1).
type Path struct {
	Roles []career.Role
	Moves []career.Progression
}

// CareerPaths returns the best paths for s, in the order of s.Cost.
func (s *Store) CareerPaths(ctx context.Context, q PathSearch) ([]Path, error) {
	stmt, ok := careerPathsBySteps[q.MaxSteps]
	if !ok {
		return nil, fmt.Errorf("store: max steps %d outside 1..%d", q.MaxSteps, MaxPathSteps)
	}
	recs, err := s.read(ctx, stmt, map[string]any{
		"from": q.From, "to": q.To, "cost": q.Cost, "limit": q.Limit,
		"promotionsOnly": q.PromotionsOnly, "avoid": nonNil(q.Avoid), "via": orNil(q.Via),
	})
	if err != nil {
		return nil, err
	}
	paths := make([]Path, 0, len(recs))
	for _, rec := range recs {
		roles, err := value[[]any](rec, "roles")
		if err != nil {
			return nil, err
		}
		moves, err := value[[]any](rec, "moves")
		if err != nil {
			return nil, err
		}
		var p Path
		for _, r := range roles {
			m, _ := r.(map[string]any)
			role, err := decodeRole(m)
			if err != nil {
				return nil, err
			}
			p.Roles = append(p.Roles, role)
		}
		for i, mv := range moves {
			e := &props{m: mapOf(mv)}
			p.Moves = append(p.Moves, career.Progression{From: p.Roles[i].ID, To: p.Roles[i+1].ID,
				TypicalYears: e.f64("typicalYears"), Kind: e.str("kind"), SourceID: e.str("source")})
			if e.err != nil {
				return nil, e.err
			}
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// ReachSearch asks where someone can get to from a role.
type ReachSearch struct {
	From           string
	MaxSteps       int      // 1..MaxPathSteps
	WithinYears    *float64 // nil for no limit on time
	PromotionsOnly bool
	Avoid          []string
}

// Reach is a role someone can reach, how soon, and by how many paths.
type Reach struct {
	Role          career.Role
	ShortestYears float64
	FewestSteps   int
	Paths         int
}

// ReachableRoles returns every role reachable under q, soonest first.
func (s *Store) ReachableRoles(ctx context.Context, q ReachSearch) ([]Reach, error) {
	stmt, ok := reachableRolesBySteps[q.MaxSteps]
	if !ok {
		return nil, fmt.Errorf("store: max steps %d outside 1..%d", q.MaxSteps, MaxPathSteps)
	}
	params := map[string]any{"from": q.From, "promotionsOnly": q.PromotionsOnly, "avoid": nonNil(q.Avoid), "withinYears": nil}
	if q.WithinYears != nil {
		params["withinYears"] = *q.WithinYears
	}
	recs, err := s.read(ctx, stmt, params)
	if err != nil {
		return nil, err
	}
	out := make([]Reach, 0, len(recs))
	for _, rec := range recs {
		role, err := column(rec, "role", decodeRole)
		if err != nil {
			return nil, err
		}
		years, err := value[float64](rec, "shortestYears")
		if err != nil {
			return nil, err
		}
		steps, err := value[int64](rec, "fewestSteps")
		if err != nil {
			return nil, err
		}
		n, err := value[int64](rec, "paths")
		if err != nil {
			return nil, err
		}
		out = append(out, Reach{Role: role, ShortestYears: years, FewestSteps: int(steps), Paths: int(n)})
	}
	return out, nil
}

func mapOf(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}
