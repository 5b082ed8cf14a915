package store

import (
	"context"

	"github.com/careergraph/careergraph/domain"
)

// RoleOccupations returns the O*NET occupations each role is classified as.
func (s *Store) RoleOccupations(ctx context.Context, roleIDs []string) (map[string][]domain.Role, error) {
	return links(ctx, s, roleOccupationsCypher, roleIDs, func(node, _ *props) (domain.Role, error) {
		return decodeRole(node.m)
	})
}

// RelatedOccupations returns O*NET's related occupations of each role.
func (s *Store) RelatedOccupations(ctx context.Context, roleIDs []string) (map[string][]domain.RelatedOccupation, error) {
	return links(ctx, s, roleRelatedCypher, roleIDs, func(node, edge *props) (domain.RelatedOccupation, error) {
		r, err := decodeRole(node.m)
		return domain.RelatedOccupation{Role: r, Tier: edge.str("tier"), Rank: int(edge.f64("rank"))}, firstErr(err, edge.err)
	})
}

// Technologies returns the technologies each role uses.
func (s *Store) Technologies(ctx context.Context, roleIDs []string) (map[string][]domain.TechnologyUse, error) {
	return links(ctx, s, roleTechnologiesCypher, roleIDs, func(node, edge *props) (domain.TechnologyUse, error) {
		sk, err := decodeSkill(node.m)
		hot, _ := edge.m["hot"].(bool)
		inDemand, _ := edge.m["inDemand"].(bool)
		return domain.TechnologyUse{Technology: sk, Hot: hot, InDemand: inDemand}, err
	})
}

// Attributions returns the sources whose licence asks for an attribution.
func (s *Store) Attributions(ctx context.Context) ([]domain.Source, error) {
	return byIDs(ctx, s, attributionsCypher, nil, decodeSource)
}
