// Package loaders batches the nested lookups of one GraphQL request: every nested field
// at one level of a query is answered by a single Cypher statement (UNWIND $ids), not one
// per parent. Loaders live for one request, so they never serve stale data across requests.
package loaders

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/careergraph/careergraph/domain"
)

// Store is what the loaders need from the store package.
type Store interface {
	SourcesByIDs(ctx context.Context, ids []string) ([]domain.Source, error)
	SkillsByIDs(ctx context.Context, ids []string) ([]domain.Skill, error)
	RoleSkills(ctx context.Context, ids []string) (map[string][]domain.SkillRequirement, error)
	SkillRoles(ctx context.Context, ids []string) (map[string][]domain.RoleRequirement, error)
	RoleCertifications(ctx context.Context, ids []string) (map[string][]domain.CertificationEndorsement, error)
	CertificationRoles(ctx context.Context, ids []string) (map[string][]domain.RoleEndorsement, error)
	NextRoles(ctx context.Context, ids []string) (map[string][]domain.CareerMove, error)
	PreviousRoles(ctx context.Context, ids []string) (map[string][]domain.CareerMove, error)
	CertificationSkills(ctx context.Context, ids []string) (map[string][]domain.Skill, error)
	SkillCertifications(ctx context.Context, ids []string) (map[string][]domain.Certification, error)
	CertificationPrerequisites(ctx context.Context, ids []string) (map[string][]domain.Certification, error)
	CertificationPreparesFor(ctx context.Context, ids []string) (map[string][]domain.Certification, error)
	RoleOccupations(ctx context.Context, ids []string) (map[string][]domain.Role, error)
	RelatedOccupations(ctx context.Context, ids []string) (map[string][]domain.RelatedOccupation, error)
	Technologies(ctx context.Context, ids []string) (map[string][]domain.TechnologyUse, error)
}

// Loaders are one request's batching loaders, keyed by node id. Each is made on first
// use, so a request pays only for the loaders its query needs.
type Loaders struct {
	Sources                    Lazy[domain.Source]
	Skills                     Lazy[domain.Skill]
	RoleSkills                 Lazy[[]domain.SkillRequirement]
	SkillRoles                 Lazy[[]domain.RoleRequirement]
	RoleCertifications         Lazy[[]domain.CertificationEndorsement]
	CertificationRoles         Lazy[[]domain.RoleEndorsement]
	NextRoles                  Lazy[[]domain.CareerMove]
	PreviousRoles              Lazy[[]domain.CareerMove]
	CertificationSkills        Lazy[[]domain.Skill]
	SkillCertifications        Lazy[[]domain.Certification]
	CertificationPrerequisites Lazy[[]domain.Certification]
	CertificationPreparesFor   Lazy[[]domain.Certification]
	RoleOccupations            Lazy[[]domain.Role]
	RelatedOccupations         Lazy[[]domain.RelatedOccupation]
	Technologies               Lazy[[]domain.TechnologyUse]
}

// BatchObserver hears the size of every batch a loader sends (for metrics).
type BatchObserver func(loader string, keys int)

// spec is how to make one kind of loader; specs are built once and shared by requests.
type spec[V any] struct {
	fetch func(context.Context, []string) (map[string]V, error)
	opts  []dataloadgen.Option
}

// Lazy is a loader made the first time a request uses it.
type Lazy[V any] struct {
	spec *spec[V]
	once sync.Once
	l    *dataloadgen.Loader[string, V]
}

func (z *Lazy[V]) loader() *dataloadgen.Loader[string, V] {
	z.once.Do(func() { z.l = dataloadgen.NewMappedLoader(z.spec.fetch, z.spec.opts...) })
	return z.l
}

// Load returns the value for key, batched with the other keys asked meanwhile.
func (z *Lazy[V]) Load(ctx context.Context, key string) (V, error) { return z.loader().Load(ctx, key) }

// LoadAll returns the values for keys, in order.
func (z *Lazy[V]) LoadAll(ctx context.Context, keys []string) ([]V, error) {
	return z.loader().LoadAll(ctx, keys)
}

// specs are the recipes for every loader of a request.
type specs struct {
	sources                    *spec[domain.Source]
	skills                     *spec[domain.Skill]
	roleSkills                 *spec[[]domain.SkillRequirement]
	skillRoles                 *spec[[]domain.RoleRequirement]
	roleCertifications         *spec[[]domain.CertificationEndorsement]
	certificationRoles         *spec[[]domain.RoleEndorsement]
	nextRoles                  *spec[[]domain.CareerMove]
	previousRoles              *spec[[]domain.CareerMove]
	certificationSkills        *spec[[]domain.Skill]
	skillCertifications        *spec[[]domain.Certification]
	certificationPrerequisites *spec[[]domain.Certification]
	certificationPreparesFor   *spec[[]domain.Certification]
	roleOccupations            *spec[[]domain.Role]
	relatedOccupations         *spec[[]domain.RelatedOccupation]
	technologies               *spec[[]domain.TechnologyUse]
}

func newSpecs(st Store, wait time.Duration, observe BatchObserver) *specs {
	opts := []dataloadgen.Option{dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(1000)}
	return &specs{
		sources:                    mk("sources", observe, byID(st.SourcesByIDs, func(s domain.Source) string { return s.ID }), opts),
		skills:                     mk("skills", observe, byID(st.SkillsByIDs, func(s domain.Skill) string { return s.ID }), opts),
		roleSkills:                 mk("role_skills", observe, st.RoleSkills, opts),
		skillRoles:                 mk("skill_roles", observe, st.SkillRoles, opts),
		roleCertifications:         mk("role_certifications", observe, st.RoleCertifications, opts),
		certificationRoles:         mk("certification_roles", observe, st.CertificationRoles, opts),
		nextRoles:                  mk("next_roles", observe, st.NextRoles, opts),
		previousRoles:              mk("previous_roles", observe, st.PreviousRoles, opts),
		certificationSkills:        mk("certification_skills", observe, st.CertificationSkills, opts),
		skillCertifications:        mk("skill_certifications", observe, st.SkillCertifications, opts),
		certificationPrerequisites: mk("certification_prerequisites", observe, st.CertificationPrerequisites, opts),
		certificationPreparesFor:   mk("certification_prepares_for", observe, st.CertificationPreparesFor, opts),
		roleOccupations:            mk("role_occupations", observe, st.RoleOccupations, opts),
		relatedOccupations:         mk("related_occupations", observe, st.RelatedOccupations, opts),
		technologies:               mk("technologies", observe, st.Technologies, opts),
	}
}

// loaders makes one request's set: one allocation, each loader made on first use.
func (s *specs) loaders() *Loaders {
	return &Loaders{
		Sources:                    Lazy[domain.Source]{spec: s.sources},
		Skills:                     Lazy[domain.Skill]{spec: s.skills},
		RoleSkills:                 Lazy[[]domain.SkillRequirement]{spec: s.roleSkills},
		SkillRoles:                 Lazy[[]domain.RoleRequirement]{spec: s.skillRoles},
		RoleCertifications:         Lazy[[]domain.CertificationEndorsement]{spec: s.roleCertifications},
		CertificationRoles:         Lazy[[]domain.RoleEndorsement]{spec: s.certificationRoles},
		NextRoles:                  Lazy[[]domain.CareerMove]{spec: s.nextRoles},
		PreviousRoles:              Lazy[[]domain.CareerMove]{spec: s.previousRoles},
		CertificationSkills:        Lazy[[]domain.Skill]{spec: s.certificationSkills},
		SkillCertifications:        Lazy[[]domain.Certification]{spec: s.skillCertifications},
		CertificationPrerequisites: Lazy[[]domain.Certification]{spec: s.certificationPrerequisites},
		CertificationPreparesFor:   Lazy[[]domain.Certification]{spec: s.certificationPreparesFor},
		RoleOccupations:            Lazy[[]domain.Role]{spec: s.roleOccupations},
		RelatedOccupations:         Lazy[[]domain.RelatedOccupation]{spec: s.relatedOccupations},
		Technologies:               Lazy[[]domain.TechnologyUse]{spec: s.technologies},
	}
}

// New builds a fresh set of loaders. wait is how long a loader collects keys before it
// sends its batch.
func New(st Store, wait time.Duration, observe BatchObserver) *Loaders {
	return newSpecs(st, wait, observe).loaders()
}

// mk makes the spec of a mapped loader that reports its batch sizes.
func mk[T any](name string, observe BatchObserver, fetch func(context.Context, []string) (map[string]T, error), opts []dataloadgen.Option) *spec[T] {
	return &spec[T]{opts: opts, fetch: func(ctx context.Context, keys []string) (map[string]T, error) {
		if observe != nil {
			observe(name, len(keys))
		}
		return fetch(ctx, keys)
	}}
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
		s := newSpecs(st, wait, observe)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := context.WithValue(r.Context(), ctxKey{}, s.loaders())
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
func Source(ctx context.Context, id string) (*domain.Source, error) {
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
func Sources(ctx context.Context, ids []string) ([]domain.Source, error) {
	return For(ctx).Sources.LoadAll(ctx, ids)
}
