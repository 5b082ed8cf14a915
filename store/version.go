package store

import (
	"context"
	_ "embed"
)

var (
	//go:embed cypher/bump_version.cypher
	bumpVersionCypher string
	//go:embed cypher/graph_version.cypher
	graphVersionCypher string
)

// GraphVersion changes whenever an import or a wipe changes the graph; callers that
// cache what they read compare it to know when to read again.
func (s *Store) GraphVersion(ctx context.Context) (string, error) {
	recs, err := s.read(ctx, graphVersionCypher, nil)
	if err != nil || len(recs) == 0 {
		return "", err
	}
	return value[string](recs[0], "version")
}

func (s *Store) bumpVersion(ctx context.Context) error {
	_, err := s.write1(ctx, bumpVersionCypher, nil)
	return err
}
