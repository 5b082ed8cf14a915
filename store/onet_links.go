package store

import (
	"context"
	_ "embed"

	"github.com/careergraph/careergraph/career"
)

var (
	//go:embed cypher/role_occupations.cypher
	roleOccupationsCypher string
	//go:embed cypher/role_related.cypher
	roleRelatedCypher string
	//go:embed cypher/role_technologies.cypher
	roleTechnologiesCypher string
	//go:embed cypher/attributions.cypher
	attributionsCypher string
)

// RoleOccupations returns the O*NET occupations each role is classified as.
func (s *Store) RoleOccupations(ctx context.Context, roleIDs []string) (map[string][]career.Role, error) {
	return links(ctx, s, roleOccupationsCypher, roleIDs, func(node, _ *props) (career.Role, error) {
		return decodeRole(node.m)
	})
}

// RelatedOccupations returns O*NET's related occupations of each role.
func (s *Store) RelatedOccupations(ctx context.Context, roleIDs []string) (map[string][]career.RelatedOccupation, error) {
	return links(ctx, s, roleRelatedCypher, roleIDs, func(node, edge *props) (career.RelatedOccupation, error) {
		r, err := decodeRole(node.m)
		return career.RelatedOccupation{Role: r, Tier: edge.str("tier"), Rank: int(edge.f64("rank"))}, firstErr(err, edge.err)
	})
}

// Technologies returns the technologies each role uses.
func (s *Store) Technologies(ctx context.Context, roleIDs []string) (map[string][]career.TechnologyUse, error) {
	return links(ctx, s, roleTechnologiesCypher, roleIDs, func(node, edge *props) (career.TechnologyUse, error) {
		sk, err := decodeSkill(node.m)
		hot, _ := edge.m["hot"].(bool)
		inDemand, _ := edge.m["inDemand"].(bool)
		return career.TechnologyUse{Technology: sk, Hot: hot, InDemand: inDemand}, err
	})
}

// Attributions returns the sources whose licence asks for an attribution.
func (s *Store) Attributions(ctx context.Context) ([]career.Source, error) {
	return byIDs(ctx, s, attributionsCypher, nil, decodeSource)
}
