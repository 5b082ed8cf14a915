package graph

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/graph/model"
)

// Error codes of the curator API.
const (
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeForbidden       = "FORBIDDEN"
)

type curatorKey struct{}

// WithCurator marks a request as coming from a curator (its bearer token matched).
func WithCurator(ctx context.Context) context.Context {
	return context.WithValue(ctx, curatorKey{}, true)
}

// errNotCurator is what a mutation answers without the curator's token.
var errNotCurator = errors.New("only curators may ask this: send Authorization: Bearer <CURATOR_TOKEN>")

// CuratorDirective lets a field run only for curators. After an edit (a mutation) it refreshes the
// planner's snapshot before answering, so the next request (in this process) sees the
// edit; other replicas see it at their next refresh. The edit is committed either way, so
// a failed refresh is left to the next one.
func (r *Resolver) CuratorDirective(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
	if ok, _ := ctx.Value(curatorKey{}).(bool); !ok {
		return nil, errNotCurator
	}
	res, err := next(ctx)
	if err == nil && graphql.GetOperationContext(ctx).Operation.Operation == ast.Mutation {
		_ = r.Planner.Refresh(ctx)
	}
	return res, err
}

const defaultCuratorSource = "curators"

func sourcesOr(ids []string) []string {
	if len(ids) == 0 {
		return []string{defaultCuratorSource}
	}
	return ids
}

func roleFromInput(in model.RoleInput) domain.Role {
	r := domain.Role{ID: in.ID, Title: in.Title, AlternateTitles: in.AlternateTitles, Track: in.Track, Level: in.Level,
		Experience: domain.Years{Min: in.ExperienceMin, Max: in.ExperienceMax}, Education: deref(in.Education),
		Summary: in.Summary, Duties: in.Duties, SocCodes: in.SocCodes, SourceIDs: sourcesOr(in.Sources)}
	if s := in.Salary; s != nil {
		r.Salary = &domain.Salary{Min: s.Min, Max: s.Max, Currency: s.Currency, Note: deref(s.Note),
			SourceID: orDefault(s.Source, defaultCuratorSource)}
	}
	return r
}

func skillFromInput(in model.SkillInput) domain.Skill {
	return domain.Skill{ID: in.ID, Name: in.Name, Category: in.Category, Description: in.Description, SourceIDs: sourcesOr(in.Sources)}
}

func certificationFromInput(in model.CertificationInput) domain.Certification {
	return domain.Certification{ID: in.ID, Name: in.Name, Vendor: in.Vendor, Level: in.Level, Domain: in.Domain,
		Description: in.Description, Validates: in.Validates, PreparesFor: in.PreparesFor, SourceIDs: sourcesOr(in.Sources)}
}

// isInvalid reports whether err lists problems found by the dataset checks.
func isInvalid(err error) bool {
	var inv *dataset.InvalidError
	return errors.As(err, &inv)
}

func (r *mutationResolver) deleted(ctx context.Context, kind, id string) (*model.DeletePayload, error) {
	ok, err := r.Store.DeleteNode(ctx, kind, id)
	return &model.DeletePayload{ID: id, Deleted: ok}, err
}

func (r *mutationResolver) removed(ctx context.Context, kind, from, to string) (*model.DeletePayload, error) {
	ok, err := r.Store.RemoveEdge(ctx, kind, from, to)
	return &model.DeletePayload{ID: from + ">" + to, Deleted: ok}, err
}

// upsert checks item as the importer would and writes it; the answer is the item as
// stored.
func upsert[T any](ctx context.Context, item T, check func(T) error, write func(context.Context, T) (T, error)) (*T, error) {
	if err := check(item); err != nil {
		return nil, err
	}
	out, err := write(ctx, item)
	return &out, err
}

// setEdge checks the edge e as the importer would, writes it, and answers with the role
// it changed.
func setEdge[E any](ctx context.Context, r *mutationResolver, e E, check func(E) error, write func(context.Context, E) error, role string) (*domain.Role, error) {
	if err := check(e); err != nil {
		return nil, err
	}
	if err := write(ctx, e); err != nil {
		return nil, err
	}
	return byID(ctx, r.Store.RolesByIDs, "role", role)
}
