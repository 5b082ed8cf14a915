package graph

import (
	"github.com/careergraph/careergraph/graph/model"
	"github.com/careergraph/careergraph/planner"
)

// toProfile converts the GraphQL profile input; nil stays nil.
func toProfile(in *model.ProfileInput) *planner.Profile {
	if in == nil {
		return nil
	}
	p := &planner.Profile{RoleID: deref(in.CurrentRole), Title: deref(in.Title), Text: deref(in.Text), Certifications: in.Certifications,
		YearsOfExperience: in.YearsOfExperience, Skills: map[string]float64{}, Area: deref(in.Area)}
	for _, s := range in.Skills {
		p.Skills[s.Skill] = max(p.Skills[s.Skill], s.Level)
	}
	return p
}

// areaOf is a question's area: its own argument, else its profile's.
func areaOf(area *string, profile *model.ProfileInput) string {
	if area == nil && profile != nil {
		return deref(profile.Area)
	}
	return deref(area)
}

// orDefault returns *p, or def when p is nil.
func orDefault[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

// nonNilSlice returns s, or an empty slice when it is nil, for lists the schema says are never null.
func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
