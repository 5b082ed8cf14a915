package store

import (
	"context"

	"github.com/careergraph/careergraph/domain"
)

// RoleOccupations returns the O*NET occupations each role is classified as.
func (s *Store) RoleOccupations(ctx context.Context, roleIDs []string) (map[string][]domain.Role, error) {
	return links(ctx, s, roleOccupationsCypher, roleIDs, domain.RecordClassification, false, func(node map[string]any, edge *props) domain.Role {
		return end(edge, decodeRole(node))
	})
}

// relatedTiers are O*NET's tiers of related occupations.
var relatedTiers = []string{"Primary-Short", "Primary-Long", "Supplemental"}

// RelatedOccupations returns O*NET's related occupations of each role.
func (s *Store) RelatedOccupations(ctx context.Context, roleIDs []string) (map[string][]domain.RelatedOccupation, error) {
	return links(ctx, s, roleRelatedCypher, roleIDs, domain.RecordRelated, false, func(node map[string]any, edge *props) domain.RelatedOccupation {
		rank, _ := edge.whole("rank", "rank", 1, maxList, true)
		return domain.RelatedOccupation{Role: end(edge, decodeRole(node)), Tier: edge.enum("tier", "tier", relatedTiers, true), Rank: rank}
	})
}

// Technologies returns the technologies each role uses.
func (s *Store) Technologies(ctx context.Context, roleIDs []string) (map[string][]domain.TechnologyUse, error) {
	return links(ctx, s, roleTechnologiesCypher, roleIDs, domain.RecordTechnology, false, func(node map[string]any, edge *props) domain.TechnologyUse {
		return domain.TechnologyUse{Technology: end(edge, decodeSkill(node)), Hot: edge.flag("hot", "hot"), InDemand: edge.flag("inDemand", "inDemand")}
	})
}

// Attributions returns the sources whose licence asks for an attribution.
func (s *Store) Attributions(ctx context.Context) ([]domain.Source, error) {
	return byIDs(ctx, s, attributionsCypher, nil, decodeSource)
}
