// Package loaders batches the nested lookups of one GraphQL request: every nested field
// at one level of a query is answered by a single Cypher statement (UNWIND $ids), not one
// per parent. Loaders live for one request, so they never serve stale data across requests.
//
// Each loader is one line of the var block below; a resolver calls it by name, as in
// loaders.RoleSkills.Load(ctx, roleID).
package loaders

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"github.com/vikstrous/dataloadgen"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/safe"
	"github.com/careergraph/careergraph/store"
)

// The loaders: a name (for the batch-size metric) and the store method that fetches a batch.
var (
	Sources                    = define("sources", byID((*store.Store).SourcesByIDs, func(s domain.Source) string { return s.ID }))
	Skills                     = define("skills", byID((*store.Store).SkillsByIDs, func(s domain.Skill) string { return s.ID }))
	RoleSkills                 = define("role_skills", (*store.Store).RoleSkills)
	SkillRoles                 = define("skill_roles", (*store.Store).SkillRoles)
	RoleCertifications         = define("role_certifications", (*store.Store).RoleCertifications)
	CertificationRoles         = define("certification_roles", (*store.Store).CertificationRoles)
	NextRoles                  = define("next_roles", (*store.Store).NextRoles)
	PreviousRoles              = define("previous_roles", (*store.Store).PreviousRoles)
	CertificationSkills        = define("certification_skills", (*store.Store).CertificationSkills)
	SkillCertifications        = define("skill_certifications", (*store.Store).SkillCertifications)
	CertificationPrerequisites = define("certification_prerequisites", (*store.Store).CertificationPrerequisites)
	CertificationPreparesFor   = define("certification_prepares_for", (*store.Store).CertificationPreparesFor)
	RoleOccupations            = define("role_occupations", (*store.Store).RoleOccupations)
	RelatedOccupations         = define("related_occupations", (*store.Store).RelatedOccupations)
	Technologies               = define("technologies", (*store.Store).Technologies)
)

// fetcher reads the values of a batch of keys from the store.
type fetcher[V any] func(*store.Store, context.Context, []string) (map[string]V, error)

// Loader is one kind of loader; its Load and LoadAll use the request's own instance.
type Loader[V any] struct {
	index int
	name  string
	fetch fetcher[V]
}

// count is how many loaders define has made.
var count int

func define[V any](name string, fetch fetcher[V]) *Loader[V] {
	count++
	return &Loader[V]{index: count - 1, name: name, fetch: fetch}
}

// Load returns the value for key, batched with the other keys asked meanwhile.
func (l *Loader[V]) Load(ctx context.Context, key string) (V, error) {
	return l.instance(ctx).Load(ctx, key)
}

// LoadAll returns the values for keys, in order.
func (l *Loader[V]) LoadAll(ctx context.Context, keys []string) ([]V, error) {
	return l.instance(ctx).LoadAll(ctx, keys)
}

// instance returns the request's loader of this kind, made the first time the request
// uses it, so a request pays only for the loaders its query needs. It panics when the
// middleware is missing, a wiring bug every test would hit at once.
func (l *Loader[V]) instance(ctx context.Context) *dataloadgen.Loader[string, V] {
	r := ctx.Value(ctxKey{}).(*request)
	r.once[l.index].Do(func() {
		r.made[l.index] = dataloadgen.NewMappedLoader(func(ctx context.Context, keys []string) (m map[string]V, err error) {
			defer safe.Recover(*zerolog.Ctx(ctx), "loader."+l.name, &err)
			if r.observe != nil {
				r.observe(l.name, len(keys))
			}
			return l.fetch(r.st, ctx, keys)
		}, r.opts...)
	})
	return r.made[l.index].(*dataloadgen.Loader[string, V])
}

// BatchObserver hears the size of every batch a loader sends (for metrics).
type BatchObserver func(loader string, keys int)

// request is one request's loaders, made on first use.
type request struct {
	st      *store.Store
	opts    []dataloadgen.Option
	observe BatchObserver
	once    []sync.Once
	made    []any
}

type ctxKey struct{}

// Middleware gives every request its own loaders over st. wait is how long a loader
// collects keys before it sends its batch; observe, when not nil, hears every batch.
func Middleware(st *store.Store, wait time.Duration, observe BatchObserver) func(http.Handler) http.Handler {
	opts := []dataloadgen.Option{dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(1000)}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			req := &request{st: st, opts: opts, observe: observe, once: make([]sync.Once, count), made: make([]any, count)}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, req)))
		})
	}
}

// byID adapts a fetch that returns a slice into one that returns a map keyed by id.
func byID[T any](fetch func(*store.Store, context.Context, []string) ([]T, error), id func(T) string) fetcher[T] {
	return func(st *store.Store, ctx context.Context, ids []string) (map[string]T, error) {
		items, err := fetch(st, ctx, ids)
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

// Source returns the source with the given id; an empty id gives nil.
func Source(ctx context.Context, id string) (*domain.Source, error) {
	if id == "" {
		return nil, nil
	}
	s, err := Sources.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return &s, nil
}
