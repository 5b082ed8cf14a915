package store

import (
	"context"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Fingerprint identifies the state of the graph, in one cheap read: the version that every
// write of this service bumps in its own transaction, and the bookmark of the latest
// transaction the database committed, which changes too when the graph is edited straight
// in Neo4j (an ETL job, cypher-shell). Equal fingerprints mean nothing was committed in
// between; a different one means something may have changed. The read is chained through
// the driver's bookmark manager, so it sees this process's own writes.
func (s *Store) Fingerprint(ctx context.Context) (string, error) {
	s.statements.Add(1)
	start := time.Now()
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager()})
	defer session.Close(ctx)
	v, err := session.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, graphVersionCypher, nil)
		if err != nil {
			return "", err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return "", err
		}
		return value[string](rec, "version")
	}, neo4j.WithTxTimeout(s.txTimeout))
	err = translate(ctx, err)
	s.observe(statementName(graphVersionCypher), time.Since(start), err)
	if err != nil {
		return "", err
	}
	return v.(string) + " " + strings.Join(session.LastBookmarks(), ","), nil
}
