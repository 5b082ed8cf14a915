package store

import (
	"context"
	_ "embed"
	"fmt"
)

//go:embed cypher/withhold_related.cypher
var withholdRelatedCypher string

// WithholdRelated deletes O*NET's related-occupation links and the moves derived from
// them, for the held-out evaluation; ImportONet with the related table restores them.
func (s *Store) WithholdRelated(ctx context.Context) error {
	if _, err := s.write1(ctx, withholdRelatedCypher, nil); err != nil {
		return fmt.Errorf("store: withhold related: %w", err)
	}
	return nil
}
