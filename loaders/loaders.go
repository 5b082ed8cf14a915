// Package loaders batches the nested lookups of one GraphQL request: every nested field
// at one level of a query is answered by a single Cypher statement (UNWIND $ids), not one
// per parent. Loaders live for one request, so they never serve stale data across requests.
package loaders

import (
	"context"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/careergraph/careergraph/career"
)

// Store is what the loaders need from the store package.
type Store interface {
	SourcesByIDs(ctx context.Context, ids []string) ([]career.Source, error)
	SkillsByIDs(ctx context.Context, ids []string) ([]career.Skill, error)
	RoleSkills(ctx context.Context, ids []string) (map[string][]career.SkillRequirement, error)
	SkillRoles(ctx context.Context, ids []string) (map[string][]career.RoleRequirement, error)
	RoleCertifications(ctx context.Context, ids []string) (map[string][]career.CertificationEndorsement, error)
	CertificationRoles(ctx context.Context, ids []string) (map[string][]career.RoleEndorsement, error)
	NextRoles(ctx context.Context, ids []string) (map[string][]career.CareerMove, error)
	PreviousRoles(ctx context.Context, ids []string) (map[string][]career.CareerMove, error)
	CertificationSkills(ctx context.Context, ids []string) (map[string][]career.Skill, error)
	SkillCertifications(ctx context.Context, ids []string) (map[string][]career.Certification, error)
	CertificationPrerequisites(ctx context.Context, ids []string) (map[string][]career.Certification, error)
	CertificationPreparesFor(ctx context.Context, ids []string) (map[string][]career.Certification, error)
	RoleOccupations(ctx context.Context, ids []string) (map[string][]career.Role, error)
	RelatedOccupations(ctx context.Context, ids []string) (map[string][]career.RelatedOccupation, error)
	Technologies(ctx context.Context, ids []string) (map[string][]career.TechnologyUse, error)
}

// Loaders are one request's batching loaders, keyed by node id.
type Loaders struct {
	Sources                    *dataloadgen.Loader[string, career.Source]
	Skills                     *dataloadgen.Loader[string, career.Skill]
	RoleSkills                 *dataloadgen.Loader[string, []career.SkillRequirement]
	SkillRoles                 *dataloadgen.Loader[string, []career.RoleRequirement]
	RoleCertifications         *dataloadgen.Loader[string, []career.CertificationEndorsement]
	CertificationRoles         *dataloadgen.Loader[string, []career.RoleEndorsement]
	NextRoles                  *dataloadgen.Loader[string, []career.CareerMove]
	PreviousRoles              *dataloadgen.Loader[string, []career.CareerMove]
	CertificationSkills        *dataloadgen.Loader[string, []career.Skill]
	SkillCertifications        *dataloadgen.Loader[string, []career.Certification]
	CertificationPrerequisites *dataloadgen.Loader[string, []career.Certification]
	CertificationPreparesFor   *dataloadgen.Loader[string, []career.Certification]
	RoleOccupations            *dataloadgen.Loader[string, []career.Role]
	RelatedOccupations         *dataloadgen.Loader[string, []career.RelatedOccupation]
	Technologies               *dataloadgen.Loader[string, []career.TechnologyUse]
}

// BatchObserver hears the size of every batch a loader sends (for metrics).
type BatchObserver func(loader string, keys int)

// New builds a fresh set of loaders. wait is how long a loader collects keys before it
// sends its batch.
func New(st Store, wait time.Duration, observe BatchObserver) *Loaders {
	opts := []dataloadgen.Option{dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(1000)}
	return &Loaders{
		Sources:                    load("sources", observe, byID(st.SourcesByIDs, func(s career.Source) string { return s.ID }), opts),
		Skills:                     load("skills", observe, byID(st.SkillsByIDs, func(s career.Skill) string { return s.ID }), opts),
		RoleSkills:                 load("role_skills", observe, st.RoleSkills, opts),
		SkillRoles:                 load("skill_roles", observe, st.SkillRoles, opts),
		RoleCertifications:         load("role_certifications", observe, st.RoleCertifications, opts),
		CertificationRoles:         load("certification_roles", observe, st.CertificationRoles, opts),
		NextRoles:                  load("next_roles", observe, st.NextRoles, opts),
		PreviousRoles:              load("previous_roles", observe, st.PreviousRoles, opts),
		CertificationSkills:        load("certification_skills", observe, st.CertificationSkills, opts),
		SkillCertifications:        load("skill_certifications", observe, st.SkillCertifications, opts),
		CertificationPrerequisites: load("certification_prerequisites", observe, st.CertificationPrerequisites, opts),
		CertificationPreparesFor:   load("certification_prepares_for", observe, st.CertificationPreparesFor, opts),
		RoleOccupations:            load("role_occupations", observe, st.RoleOccupations, opts),
		RelatedOccupations:         load("related_occupations", observe, st.RelatedOccupations, opts),
		Technologies:               load("technologies", observe, st.Technologies, opts),
	}
}

// load makes a mapped loader that reports its batch sizes.
func load[T any](name string, observe BatchObserver, fetch func(context.Context, []string) (map[string]T, error), opts []dataloadgen.Option) *dataloadgen.Loader[string, T] {
	return dataloadgen.NewMappedLoader(func(ctx context.Context, keys []string) (map[string]T, error) {
		if observe != nil {
			observe(name, len(keys))
		}
		return fetch(ctx, keys)
	}, opts...)
}

// byID adapts a fetch that returns a slice into one that returns a map keyed by id.
func byID[T any](fetch func(context.Context, []string) ([]T, error), id func(T) string) func(context.Context, []string) (map[string]T, error) {
	return func(ctx context.Context, ids []string) (map[string]T, error) {
		items, err := fetch(ctx, ids)
		if err != nil {
			return nil, err
		}
		out := make(map[string]T, len(items))
		for _, it := range items {
			out[id(it)] = it
		}
		return out, nil
	}
}

type ctxKey struct{}

// Middleware gives every request its own loaders.
func Middleware(st Store, wait time.Duration, observe BatchObserver) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := context.WithValue(r.Context(), ctxKey{}, New(st, wait, observe))
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// For returns the request's loaders. It panics when the middleware is missing, which is
// a wiring bug that every test would hit at once.
func For(ctx context.Context) *Loaders {
	return ctx.Value(ctxKey{}).(*Loaders)
}

// Source returns the source with the given id; an empty id gives nil.
func Source(ctx context.Context, id string) (*career.Source, error) {
	if id == "" {
		return nil, nil
	}
	s, err := For(ctx).Sources.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return &s, nil
}

// Sources returns the sources with the given ids.
func Sources(ctx context.Context, ids []string) ([]career.Source, error) {
	return For(ctx).Sources.LoadAll(ctx, ids)
}
