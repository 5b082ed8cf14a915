package store

import (
	"context"
	"fmt"
)

// WithholdRelated deletes O*NET's related-occupation links and the moves derived from
// them, for the held-out evaluation; ImportONet with the related table restores them.
func (s *Store) WithholdRelated(ctx context.Context) error {
	if err := s.writeOne(ctx, withholdRelatedCypher, nil); err != nil {
		return fmt.Errorf("store: withhold related: %w", err)
	}
	return nil
}
