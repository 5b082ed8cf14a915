package planner

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/skillgap"
)

// Path rankings.
const (
	ByYears    = "YEARS"     // summed typical years of the moves
	BySteps    = "STEPS"     // number of moves
	BySkillGap = "SKILL_GAP" // summed weight of the skills to gain along the way
)

// Limits on path questions; beyond them a question is an input error, never a slow query.
const (
	MaxPaths       = 10
	MaxAvoid       = 50
	candidateLimit = 2000 // paths ranked in Go when ranking by skill gap
)

// PathQuery asks for the best paths from a start to a target role.
type PathQuery struct {
	To             string
	RankBy         string
	First          int
	MaxSteps       int
	PromotionsOnly bool
	Avoid          []string
	Via            string
	Area           string // a BLS area code for pay; "" for the nation
}

// Paths is the answer to a PathQuery.
type Paths struct {
	Start  Start
	Target domain.Role
	RankBy string
	Paths  []Path
}

// Path is one way from the start to the target.
type Path struct {
	Rank         int
	Roles        []domain.Role
	Steps        []Step
	TotalYears   float64
	SkillGap     float64
	SalaryChange *SalaryChange
	key          string
}

// Step is one move of a path and what it takes.
type Step struct {
	From, To     domain.Role
	Kind         string
	TypicalYears float64
	SkillsToGain []skillgap.Shortfall // required by To and not yet held at its level, heaviest first
	Gap          float64              // summed weight of SkillsToGain
}

// SalaryChange compares pay at both ends of a path, in US dollars: the OEWS medians of
// the area, and the guide's salary ranges where both ends have one.
type SalaryChange struct {
	Currency             string
	MinChange, MaxChange *int
	From, To             *domain.Salary
	MedianChange         *int     // yearly medians, when both are released and not top-coded
	HourlyMedianChange   *float64 // hourly medians, the same way
	FromWages, ToWages   *domain.Wage
}

// Paths returns the best paths from start to q.To, ranked by q.RankBy with ties broken
// by the role ids along the path.
func (p *Planner) Paths(ctx context.Context, start Start, q PathQuery) (Paths, error) {
	if err := q.check(start.Role.ID); err != nil {
		return Paths{}, err
	}
	check := append([]string{q.To}, q.Avoid...)
	if q.Via != "" {
		check = append(check, q.Via)
	}
	snap, roles, err := p.withRoles(ctx, check...)
	if err != nil {
		return Paths{}, err
	}
	search := pathSearch{From: start.Role.ID, To: q.To, MaxSteps: q.MaxSteps, Cost: q.RankBy, Limit: q.First,
		PromotionsOnly: q.PromotionsOnly, Avoid: q.Avoid, Via: q.Via}
	if q.RankBy == BySkillGap {
		search.Cost, search.Limit = BySteps, candidateLimit+1
	}
	found, complete := snap.searchPaths(search)
	if !complete {
		return Paths{}, inputErr("too many ways lead there within %d steps to search them all; lower maxSteps or add roles to avoid", q.MaxSteps)
	}
	if len(found) > candidateLimit {
		return Paths{}, inputErr("more than %d paths lead there within %d steps, too many to rank by skill gap; lower maxSteps or add roles to avoid", candidateLimit, q.MaxSteps)
	}
	pay, err := snap.pay(ctx, q.Area)
	if err != nil {
		return Paths{}, err
	}
	paths := snap.explainPaths(start, found, pay)
	if q.RankBy == BySkillGap {
		slices.SortFunc(paths, func(a, b Path) int { return cmp.Or(cmp.Compare(a.SkillGap, b.SkillGap), strings.Compare(a.key, b.key)) })
		paths = paths[:min(q.First, len(paths))]
	}
	for i := range paths {
		paths[i].Rank = i + 1
	}
	return Paths{Start: start, Target: roles[q.To], RankBy: q.RankBy, Paths: paths}, nil
}

func (q *PathQuery) check(from string) error {
	switch {
	case q.RankBy != ByYears && q.RankBy != BySteps && q.RankBy != BySkillGap:
		return inputErr("rankBy must be YEARS, STEPS or SKILL_GAP")
	case q.First < 1 || q.First > MaxPaths:
		return inputErr("first must be between 1 and %d, got %d", MaxPaths, q.First)
	case q.MaxSteps < 1 || q.MaxSteps > MaxPathSteps:
		return inputErr("maxSteps must be between 1 and %d, got %d", MaxPathSteps, q.MaxSteps)
	case len(q.Avoid) > MaxAvoid:
		return inputErr("avoid lists %d roles; at most %d are allowed", len(q.Avoid), MaxAvoid)
	case q.To == from:
		return inputErr("the start and the target are the same role (%s)", from)
	case q.Via != "" && (q.Via == from || q.Via == q.To):
		return inputErr("via must be a role between the start and the target, not one of them")
	}
	for _, a := range q.Avoid {
		if a == from || a == q.To || a == q.Via {
			return inputErr("avoid lists %s, which the path must contain; remove it", a)
		}
	}
	return nil
}

// explainPaths works out every step's skills to gain, the totals and the salary change.
// Skills carry forward: after a move, the person holds what the new role requires.
func (s *snapshot) explainPaths(start Start, found []foundPath, pay payFunc) []Path {
	reqs := s.reqs
	out := make([]Path, len(found))
	for i, f := range found {
		held := start.Held.Clone()
		path := Path{Roles: f.Roles, SalaryChange: salaryChange(start.Role, f.Roles[len(f.Roles)-1], pay)}
		for j, mv := range f.Moves {
			next := needs(reqs[f.Roles[j+1].ID])
			sf := skillgap.Shortfalls(held, next)
			held.Raise(next)
			step := Step{From: f.Roles[j], To: f.Roles[j+1], Kind: mv.Kind, TypicalYears: mv.TypicalYears,
				SkillsToGain: sf, Gap: skillgap.Total(sf)}
			path.Steps = append(path.Steps, step)
			path.TotalYears += mv.TypicalYears
			path.SkillGap += step.Gap
		}
		path.key = Key(f.Roles)
		out[i] = path
	}
	return out
}

// Key is a path's tie-breaking key: its role ids in order, each followed by '>', the
// same key the path statement orders by.
func Key(roles []domain.Role) string {
	var b strings.Builder
	for _, r := range roles {
		b.WriteString(r.ID)
		b.WriteByte('>')
	}
	return b.String()
}

// salaryChange compares pay at the two ends; nil when neither the wages nor the ranges
// of both ends are known.
func salaryChange(from, to domain.Role, pay payFunc) *SalaryChange {
	c := SalaryChange{Currency: "USD", FromWages: pay(from), ToWages: pay(to)}
	if a, b := from.Salary, to.Salary; a != nil && b != nil && a.Currency == "USD" && b.Currency == "USD" {
		lo, hi := b.Min-a.Min, b.Max-a.Max
		c.MinChange, c.MaxChange, c.From, c.To = &lo, &hi, a, b
	}
	if c.FromWages == nil || c.ToWages == nil {
		c.FromWages, c.ToWages = nil, nil
	}
	if a, b := c.FromWages, c.ToWages; a != nil && b != nil {
		if a.Median != nil && b.Median != nil {
			d := *b.Median - *a.Median
			c.MedianChange = &d
		}
		if a.HourlyMedian != nil && b.HourlyMedian != nil {
			d := math.Round((*b.HourlyMedian-*a.HourlyMedian)*100) / 100
			c.HourlyMedianChange = &d
		}
	}
	if c.From == nil && c.FromWages == nil {
		return nil
	}
	return &c
}
