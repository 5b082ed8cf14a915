package store

import (
	"context"
	"fmt"
)

// Snapshot returns the whole career graph as sorted lines of text, one per node and
// edge with its properties. Two imports that agree give equal snapshots.
func (s *Store) Snapshot(ctx context.Context) ([]string, error) {
	recs, err := s.readAll(ctx, snapshotCypher, nil)
	if err != nil {
		return nil, err
	}
	lines := make([]string, len(recs))
	for i, rec := range recs {
		key, err := value[string](rec, "key")
		if err != nil {
			return nil, err
		}
		props, err := value[map[string]any](rec, "props")
		if err != nil {
			return nil, err
		}
		lines[i] = fmt.Sprintf("%s %v", key, props) // fmt prints map keys sorted
	}
	return lines, nil
}
