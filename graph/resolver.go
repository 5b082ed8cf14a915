// Package graph holds the GraphQL schema's generated executor and its resolvers. Root
// resolvers call the store or the planner; nested resolvers only call the per-request
// loaders.
package graph

//go:generate go tool gqlgen generate

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

// Reader is what the root queries read from the store.
type Reader interface {
	Node(ctx context.Context, id string) (domain.Node, error)
	RolesByIDs(ctx context.Context, ids []string) ([]domain.Role, error)
	SkillsByIDs(ctx context.Context, ids []string) ([]domain.Skill, error)
	CertificationsByIDs(ctx context.Context, ids []string) ([]domain.Certification, error)
	ListRoles(ctx context.Context, f store.RoleFilter, o store.ListOptions) (store.Page[domain.Role], error)
	ListSkills(ctx context.Context, f store.SkillFilter, o store.ListOptions) (store.Page[domain.Skill], error)
	ListCertifications(ctx context.Context, f store.CertificationFilter, o store.ListOptions) (store.Page[domain.Certification], error)
	Search(ctx context.Context, text string, limit int) ([]store.Hit, error)
	Attributions(ctx context.Context) ([]domain.Source, error)
}

// Curator is what the curator mutations write through.
type Curator interface {
	UpsertRole(ctx context.Context, r domain.Role) (domain.Role, error)
	UpsertSkill(ctx context.Context, sk domain.Skill) (domain.Skill, error)
	UpsertCertification(ctx context.Context, c domain.Certification) (domain.Certification, error)
	SetRequirement(ctx context.Context, e domain.Requirement) error
	SetEndorsement(ctx context.Context, e domain.Endorsement) error
	SetProgression(ctx context.Context, e domain.Progression) error
	DeleteNode(ctx context.Context, kind, id string) (bool, error)
	RemoveEdge(ctx context.Context, kind, from, to string) (bool, error)
}

// Store is the store as the resolvers use it.
type Store interface {
	Reader
	Curator
}

// Planner answers the questions that search the graph.
type Planner interface {
	ResolveStart(ctx context.Context, from string, profile *planner.Profile) (planner.Start, error)
	Paths(ctx context.Context, start planner.Start, q planner.PathQuery) (planner.Paths, error)
	Reachable(ctx context.Context, start planner.Start, q planner.ReachQuery) (planner.Reachable, error)
	SkillGap(ctx context.Context, start planner.Start, to string) (planner.SkillGap, error)
	Recommend(ctx context.Context, profile planner.Profile, first int) (planner.Recommendations, error)
	Refresh(ctx context.Context) error
	Problems(ctx context.Context) ([]domain.Problem, error)
	Wage(ctx context.Context, role domain.Role, area string) (*domain.Wage, error)
	WagesByArea(ctx context.Context, role domain.Role, areaType string) ([]domain.Wage, error)
	Areas(ctx context.Context, search, areaType string) ([]domain.Area, error)
	ClassifyTitles(ctx context.Context, titles []string, first int) ([]planner.TitleMatches, error)
	ExtractSkills(ctx context.Context, text string) (planner.SkillsFromText, error)
}

// Resolver holds the dependencies every resolver shares.
type Resolver struct {
	Store   Store
	Planner Planner
}

// NewSchema returns the executable schema over st and pl, with the @curator directive.
func NewSchema(st Store, pl Planner) graphql.ExecutableSchema {
	r := &Resolver{Store: st, Planner: pl}
	return NewExecutableSchema(Config{Resolvers: r, Directives: DirectiveRoot{Curator: r.CuratorDirective}})
}
