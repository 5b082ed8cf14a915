package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/careergraph/careergraph/domain"
)

// CodeDataProblem marks a field whose value in the graph failed its check.
const CodeDataProblem = "DATA_PROBLEM"

// WithholdBadFields is a field middleware: a field of a role, skill or certification whose
// property failed its check when read (see domain.Problem) answers with a DATA_PROBLEM
// error instead of a made-up value; GraphQL then nulls it, or its parent when the field
// is non-null, and the rest of the response stands.
func WithholdBadFields(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Parent == nil {
		return next(ctx)
	}
	if p := domain.FieldProblem(problemsOf(fc.Parent.Result), fc.Field.Name); p != nil {
		return nil, &gqlerror.Error{Message: p.Describe() + "; the value is withheld until a curator fixes it (see dataProblems)",
			Extensions: map[string]any{"code": CodeDataProblem}}
	}
	return next(ctx)
}

// problemsOf returns the problems a record read from the graph carries.
func problemsOf(v any) []domain.Problem {
	switch v := v.(type) {
	case *domain.Role:
		return v.Problems
	case domain.Role:
		return v.Problems
	case *domain.Skill:
		return v.Problems
	case domain.Skill:
		return v.Problems
	case *domain.Certification:
		return v.Problems
	case domain.Certification:
		return v.Problems
	}
	return nil
}
