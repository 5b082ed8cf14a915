package store

import (
	"context"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Change is what one write of the service changed, as the planner's snapshot holds it:
// the roles whose records (properties and outgoing edges) changed, and whether any skill
// or certification did. Writes that cannot say (imports, deletes) record none.
type Change struct {
	Roles   []string
	Catalog bool
}

// GraphState is the graph's fingerprint with the last write of the service: the version it
// replaced and what it changed (nil when it could not say, or the record is not one the
// service wrote).
type GraphState struct {
	Fingerprint, Version, Previous string
	Last                           *Change
	Roles                          int // how many roles the graph holds
}

// Fingerprint identifies the state of the graph, in one cheap read (see State).
func (s *Store) Fingerprint(ctx context.Context) (string, error) {
	st, err := s.State(ctx)
	return st.Fingerprint, err
}

// State reads the graph's fingerprint and its last change, in one cheap read. The
// fingerprint is the version that every write of this service bumps in its own
// transaction, and the bookmark of the latest transaction the database committed, which
// changes too when the graph is edited straight in Neo4j (an ETL job, cypher-shell).
// Equal fingerprints mean nothing was committed in between; a different one means
// something may have changed. The read is chained through the driver's bookmark manager,
// so it sees this process's own writes.
func (s *Store) State(ctx context.Context) (GraphState, error) {
	s.statements.Add(1)
	start := time.Now()
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager()})
	defer session.Close(ctx)
	v, err := session.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, graphVersionCypher, nil)
		if err != nil {
			return nil, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return nil, err
		}
		return stateOf(rec)
	}, neo4j.WithTxTimeout(s.txTimeout))
	err = translate(ctx, err)
	s.observe(statementName(graphVersionCypher), time.Since(start), err)
	if err != nil {
		return GraphState{}, err
	}
	st := v.(GraphState)
	st.Fingerprint = st.Version + " " + strings.Join(session.LastBookmarks(), ",")
	return st, nil
}

// stateOf reads graph_version.cypher's record. What the last write changed is read as
// the service writes it, a list of ids and a boolean; anything else reads as a change
// that cannot be told apart.
func stateOf(rec *neo4j.Record) (GraphState, error) {
	version, err := value[string](rec, "version")
	if err != nil {
		return GraphState{}, err
	}
	st := GraphState{Version: version}
	m := rec.AsMap()
	st.Previous, _ = m["previous"].(string)
	if n, ok := m["roleCount"].(int64); ok {
		st.Roles = int(n)
	}
	roles, ok := m["roles"].([]any)
	catalog, isBool := m["catalog"].(bool)
	if !ok || !isBool || len(roles) > maxChangedRoles {
		return st, nil
	}
	change := &Change{Catalog: catalog, Roles: make([]string, 0, len(roles))}
	for _, r := range roles {
		id, ok := r.(string)
		if !ok || id == "" {
			return st, nil
		}
		change.Roles = append(change.Roles, id)
	}
	st.Last = change
	return st, nil
}

// maxChangedRoles bounds the roles one recorded change may name; a change naming more
// reads as one that cannot be told apart.
const maxChangedRoles = 100
