package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/domain"
)

// ErrReadOnly is returned when a curator edit targets data imported from O*NET.
var ErrReadOnly = errors.New("imported O*NET data is read-only; correct it at the source and import it again")

// deleteNodeCypher and removeEdgeCypher name the statement for each kind the curator
// API deletes or removes.
var (
	deleteNodeCypher = map[string]string{"Role": deleteRoleCypher, "Skill": deleteSkillCypher,
		"Certification": deleteCertificationCypher}
	removeEdgeCypher = map[string]string{"requirement": removeRequirementCypher,
		"endorsement": removeEndorsementCypher, "progression": removeProgressionCypher}
)

// Each curator edit runs in one write transaction: references are checked in it, and an
// edit that fails any check writes nothing. Every edit bumps the graph's version and
// records what it changed (Change), so caches built from the graph patch or rebuild
// themselves.

// UpsertRole creates or replaces a role's properties.
func (s *Store) UpsertRole(ctx context.Context, r domain.Role) (domain.Role, error) {
	row := roleRow(r)
	for _, k := range []string{"experienceMax", "salaryMin", "salaryMax", "salaryCurrency", "salarySource", "salaryNote"} {
		if _, ok := row[k]; !ok {
			row[k] = nil // SET += with null removes what an earlier version had
		}
	}
	return upsert(ctx, s, &Change{Roles: []string{r.ID}}, upsertRoleCypher, row, decodeRole)
}

// UpsertSkill creates or replaces a skill's properties.
func (s *Store) UpsertSkill(ctx context.Context, sk domain.Skill) (domain.Skill, error) {
	return upsert(ctx, s, &Change{Catalog: true}, upsertSkillCypher, skillRow(sk), decodeSkill)
}

// UpsertCertification creates or replaces a certification, with the skills it validates
// and the certifications it prepares for, all of which must exist.
func (s *Store) UpsertCertification(ctx context.Context, c domain.Certification) (domain.Certification, error) {
	var out domain.Certification
	err := s.curate(ctx, &Change{Catalog: true}, func(tx neo4j.ManagedTransaction) error {
		if err := s.mustExist(ctx, tx, "Skill", c.Validates...); err != nil {
			return err
		}
		if err := s.mustExist(ctx, tx, "Certification", c.PreparesFor...); err != nil {
			return err
		}
		var err error
		if out, err = upsertIn(ctx, s, tx, upsertCertificationCypher, certificationRow(c), decodeCertification); err != nil {
			return err
		}
		return s.exec(ctx, tx, replaceCertificationLinksCypher, map[string]any{
			"id": c.ID, "validates": nonNil(c.Validates), "preparesFor": nonNil(c.PreparesFor)})
	})
	return out, err
}

func upsert[T any](ctx context.Context, s *Store, change *Change, cypher string, row map[string]any, decode func(map[string]any) T) (T, error) {
	var out T
	err := s.curate(ctx, change, func(tx neo4j.ManagedTransaction) error {
		var err error
		out, err = upsertIn(ctx, s, tx, cypher, row, decode)
		return err
	})
	return out, err
}

func upsertIn[T any](ctx context.Context, s *Store, tx neo4j.ManagedTransaction, cypher string, row map[string]any, decode func(map[string]any) T) (T, error) {
	var zero T
	delete(row, "origin") // a new node is marked curated-api; an existing one keeps its origin
	recs, err := s.fetch(ctx, tx, cypher, map[string]any{"row": row})
	if err != nil {
		return zero, err
	}
	if len(recs) == 0 {
		return zero, fmt.Errorf("%v: %w", row["id"], ErrReadOnly)
	}
	return column(recs[0], "node", decode)
}

// DeleteNode deletes the role, skill or certification (kind) with id and its edges. It
// reports false when there was none.
func (s *Store) DeleteNode(ctx context.Context, kind, id string) (bool, error) {
	deleted := false
	err := s.curate(ctx, nil, func(tx neo4j.ManagedTransaction) error {
		stmt, ok := deleteNodeCypher[kind]
		if !ok {
			return fmt.Errorf("store: cannot delete a %q", kind)
		}
		recs, err := s.fetch(ctx, tx, stmt, map[string]any{"id": id})
		if err != nil || len(recs) == 0 {
			return err
		}
		if readOnly, _ := recs[0].Get("readOnly"); readOnly == true {
			return fmt.Errorf("%s: %w", id, ErrReadOnly)
		}
		deleted = true
		return nil
	})
	return deleted, err
}

// SetRequirement creates or updates a role's required skill.
func (s *Store) SetRequirement(ctx context.Context, e domain.Requirement) error {
	return s.setEdge(ctx, setRequirementCypher, map[string]any{"role": e.Role, "skill": e.Skill,
		"importance": e.Importance, "level": e.Level, "source": e.SourceID}, "Role", e.Role, "Skill", e.Skill)
}

// SetEndorsement creates or updates a certification a role values.
func (s *Store) SetEndorsement(ctx context.Context, e domain.Endorsement) error {
	return s.setEdge(ctx, setEndorsementCypher, map[string]any{"role": e.Role, "certification": e.Certification,
		"relevance": e.Relevance, "source": e.SourceID}, "Role", e.Role, "Certification", e.Certification)
}

// SetProgression creates or updates a career move.
func (s *Store) SetProgression(ctx context.Context, e domain.Progression) error {
	return s.setEdge(ctx, setProgressionCypher, map[string]any{"from": e.From, "to": e.To,
		"typicalYears": e.TypicalYears, "kind": e.Kind, "source": e.SourceID}, "Role", e.From, "Role", e.To)
}

func (s *Store) setEdge(ctx context.Context, cypher string, row map[string]any, fromKind, from, toKind, to string) error {
	return s.curate(ctx, &Change{Roles: []string{from}}, func(tx neo4j.ManagedTransaction) error {
		if err := s.mustExist(ctx, tx, fromKind, from); err != nil {
			return err
		}
		if err := s.mustExist(ctx, tx, toKind, to); err != nil {
			return err
		}
		if err := s.writable(ctx, tx, from); err != nil {
			return err
		}
		return s.exec(ctx, tx, cypher, map[string]any{"row": row})
	})
}

// RemoveEdge removes a requirement, endorsement or progression (kind) between from and
// to. It reports false when there was none.
func (s *Store) RemoveEdge(ctx context.Context, kind, from, to string) (bool, error) {
	removed := false
	err := s.curate(ctx, &Change{Roles: []string{from}}, func(tx neo4j.ManagedTransaction) error {
		if err := s.writable(ctx, tx, from); err != nil {
			return err
		}
		stmt, ok := removeEdgeCypher[kind]
		if !ok {
			return fmt.Errorf("store: cannot remove a %q", kind)
		}
		recs, err := s.fetch(ctx, tx, stmt, map[string]any{"from": from, "to": to})
		if err != nil || len(recs) == 0 {
			return err
		}
		n, _ := recs[0].Get("removed")
		removed = n != int64(0)
		return nil
	})
	return removed, err
}

// curate runs one curator edit in a write transaction, which also bumps the graph's
// version and records change (nil: a change that cannot be told role by role).
func (s *Store) curate(ctx context.Context, change *Change, fn func(tx neo4j.ManagedTransaction) error) error {
	return s.changeTx(ctx, change, fn)
}

// mustExist fails with ErrNotFound unless every id names a node of kind.
func (s *Store) mustExist(ctx context.Context, tx neo4j.ManagedTransaction, kind string, ids ...string) error {
	found, err := s.nodes(ctx, tx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if found[id].label != kind {
			return fmt.Errorf("no %s has id %q: %w", strings.ToLower(kind), id, ErrNotFound)
		}
	}
	return nil
}

// writable fails with ErrReadOnly when id names an O*NET node.
func (s *Store) writable(ctx context.Context, tx neo4j.ManagedTransaction, id string) error {
	found, err := s.nodes(ctx, tx, []string{id})
	if err != nil {
		return err
	}
	if found[id].origin == "onet" {
		return fmt.Errorf("%s: %w", id, ErrReadOnly)
	}
	return nil
}

type nodeInfo struct{ label, origin string }

func (s *Store) nodes(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]nodeInfo, error) {
	out := map[string]nodeInfo{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.fetch(ctx, tx, nodesExistCypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		id, _ := rec.Get("id")
		label, _ := rec.Get("label")
		origin, _ := rec.Get("origin")
		key, _ := id.(string)
		out[key] = nodeInfo{label: fmt.Sprint(label), origin: fmt.Sprint(origin)}
	}
	return out, nil
}
