package planner

import (
	"context"
)

// ReachQuery asks where someone can get to within some years or moves.
type ReachQuery struct {
	WithinYears    *float64
	MaxSteps       *int
	PromotionsOnly bool
	Avoid          []string
	Area           string // a BLS area code for pay; "" for the nation
}

// Reachable is the answer to a ReachQuery.
type Reachable struct {
	Start Start
	Roles []Reach
}

// Reachable returns every role reachable from start, soonest first, with its shortest
// time and how many paths lead there.
func (p *Planner) Reachable(ctx context.Context, start Start, q ReachQuery) (Reachable, error) {
	steps := MaxPathSteps
	switch {
	case q.WithinYears == nil && q.MaxSteps == nil:
		return Reachable{}, inputErr("give withinYears, maxSteps or both")
	case q.WithinYears != nil && (*q.WithinYears <= 0 || *q.WithinYears > 60):
		return Reachable{}, inputErr("withinYears must be more than 0 and at most 60, got %v", *q.WithinYears)
	case q.MaxSteps != nil && (*q.MaxSteps < 1 || *q.MaxSteps > MaxPathSteps):
		return Reachable{}, inputErr("maxSteps must be between 1 and %d, got %d", MaxPathSteps, *q.MaxSteps)
	case len(q.Avoid) > MaxAvoid:
		return Reachable{}, inputErr("avoid lists %d roles; at most %d are allowed", len(q.Avoid), MaxAvoid)
	}
	if q.MaxSteps != nil {
		steps = *q.MaxSteps
	}
	snap, _, err := p.withRoles(ctx, q.Avoid...)
	if err != nil {
		return Reachable{}, err
	}
	roles, complete := snap.reach(reachSearch{From: start.Role.ID, MaxSteps: steps,
		WithinYears: q.WithinYears, PromotionsOnly: q.PromotionsOnly, Avoid: q.Avoid})
	if !complete {
		return Reachable{}, inputErr("too many paths lead out of %s to count them all; give a smaller withinYears or maxSteps", start.Role.Title)
	}
	pay, err := snap.pay(ctx, q.Area)
	if err != nil {
		return Reachable{}, err
	}
	for i := range roles {
		roles[i].Wages = pay(roles[i].Role)
	}
	return Reachable{Start: start, Roles: roles}, nil
}
