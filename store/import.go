package store

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/domain"
)

// importBatch bounds the rows sent in one UNWIND.
const importBatch = 500

// EnsureSchema creates the constraints and indexes the graph relies on. It is idempotent.
func (s *Store) EnsureSchema(ctx context.Context) error {
	for _, stmt := range statements(schemaCypher) {
		// Schema changes cannot share a transaction with data writes such as the version bump.
		if err := s.schemaTx(ctx, func(tx neo4j.ManagedTransaction) error { return s.exec(ctx, tx, stmt, nil) }); err != nil {
			return fmt.Errorf("store: schema: %w", err)
		}
	}
	return nil
}

// Import makes the curated part of the graph match ds: constraints first, then every
// node and edge merged in batches, then whatever the dataset no longer lists removed,
// all in one transaction. Running it twice changes nothing the second time. ds must
// already be checked (dataset.Load does that).
func (s *Store) Import(ctx context.Context, ds *domain.Dataset) error {
	if err := s.EnsureSchema(ctx); err != nil {
		return err
	}
	steps := []struct {
		cypher string
		rows   []map[string]any
	}{
		{importSourcesCypher, rows(ds.Sources, sourceRow)},
		{importRolesCypher, rows(ds.Roles, roleRow)},
		{importSkillsCypher, rows(ds.Skills, skillRow)},
		{importCertificationsCypher, rows(ds.Certifications, certificationRow)},
		{importRequiresCypher, rows(ds.Requirements, func(e domain.Requirement) map[string]any {
			return map[string]any{"role": e.Role, "skill": e.Skill, "importance": e.Importance, "level": e.Level, "source": e.SourceID}
		})},
		{importValuesCypher, rows(ds.Endorsements, func(e domain.Endorsement) map[string]any {
			return map[string]any{"role": e.Role, "certification": e.Certification, "relevance": e.Relevance, "source": e.SourceID}
		})},
		{importProgressesCypher, rows(ds.Progressions, func(e domain.Progression) map[string]any {
			return map[string]any{"from": e.From, "to": e.To, "typicalYears": e.TypicalYears, "kind": e.Kind, "source": e.SourceID}
		})},
		{importValidatesCypher, pairs(ds.Certifications, func(c domain.Certification) []string { return c.Validates })},
		{importPreparesCypher, pairs(ds.Certifications, func(c domain.Certification) []string { return c.PreparesFor })},
	}
	err := s.writeTx(ctx, func(tx neo4j.ManagedTransaction) error {
		for _, step := range steps {
			for start := 0; start < len(step.rows); start += importBatch {
				batch := step.rows[start:min(start+importBatch, len(step.rows))]
				if err := s.exec(ctx, tx, step.cypher, map[string]any{"rows": batch}); err != nil {
					return err
				}
			}
		}
		ids, keep := keys(ds)
		if err := s.exec(ctx, tx, pruneCypher, map[string]any{"ids": ids, "keep": keep}); err != nil {
			return err
		}
		for _, cypher := range []string{linkOccupationsCypher, removeBridgesCypher, bridgeMovesCypher} {
			if err := s.exec(ctx, tx, cypher, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: import: %w", err)
	}
	return nil
}

// Wipe deletes the whole career graph. Tests use it; the service never does.
func (s *Store) Wipe(ctx context.Context) error {
	// In batches: a graph ten times O*NET's size, or the wages, are too much for one transaction.
	if err := s.clearWages(ctx, "wipe", oewsClearOthersCypher, map[string]any{"keep": ""}, func(string, int, time.Duration) {}); err != nil {
		return err
	}
	for _, cypher := range []string{wipeEdgesCypher, wipeCypher} {
		if err := s.clearWages(ctx, "wipe", cypher, map[string]any{"limit": 10_000}, func(string, int, time.Duration) {}); err != nil {
			return err
		}
	}
	return s.writeTx(ctx, func(neo4j.ManagedTransaction) error { return nil })
}

func rows[T any](items []T, row func(T) map[string]any) []map[string]any {
	out := make([]map[string]any, len(items))
	for i, it := range items {
		out[i] = row(it)
	}
	return out
}

func pairs(certs []domain.Certification, targets func(domain.Certification) []string) []map[string]any {
	var out []map[string]any
	for _, c := range certs {
		for _, t := range targets(c) {
			out = append(out, map[string]any{"from": c.ID, "to": t})
		}
	}
	return out
}

// keys lists every node id in ds and a "TYPE from to" key for every edge, for pruning.
func keys(ds *domain.Dataset) (ids, edges []string) {
	for _, r := range ds.Roles {
		ids = append(ids, r.ID)
	}
	for _, sk := range ds.Skills {
		ids = append(ids, sk.ID)
	}
	for _, c := range ds.Certifications {
		ids = append(ids, c.ID)
		for _, v := range c.Validates {
			edges = append(edges, "VALIDATES "+c.ID+" "+v)
		}
		for _, p := range c.PreparesFor {
			edges = append(edges, "PREPARES_FOR "+c.ID+" "+p)
		}
	}
	for _, e := range ds.Requirements {
		edges = append(edges, "REQUIRES "+e.Role+" "+e.Skill)
	}
	for _, e := range ds.Endorsements {
		edges = append(edges, "VALUES "+e.Role+" "+e.Certification)
	}
	for _, e := range ds.Progressions {
		edges = append(edges, "PROGRESSES_TO "+e.From+" "+e.To)
	}
	return ids, edges
}
