// Package graph holds the GraphQL schema's generated executor and its resolvers. Root
// resolvers call the store; nested resolvers only call the per-request loaders.
package graph

//go:generate go tool gqlgen generate

import (
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

// Resolver holds the dependencies every resolver shares.
type Resolver struct {
	Store   *store.Store
	Planner *planner.Planner
}
