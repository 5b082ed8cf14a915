package store

import (
	"context"
	"fmt"

	"github.com/careergraph/careergraph/domain"
)

// RolesByIDs returns the roles with the given ids; ids that match nothing are left out.
func (s *Store) RolesByIDs(ctx context.Context, ids []string) ([]domain.Role, error) {
	return byIDs(ctx, s, rolesByIDsCypher, ids, decodeRole)
}

// SkillsByIDs returns the skills with the given ids; ids that match nothing are left out.
func (s *Store) SkillsByIDs(ctx context.Context, ids []string) ([]domain.Skill, error) {
	return byIDs(ctx, s, skillsByIDsCypher, ids, decodeSkill)
}

// CertificationsByIDs returns the certifications with the given ids.
func (s *Store) CertificationsByIDs(ctx context.Context, ids []string) ([]domain.Certification, error) {
	return byIDs(ctx, s, certificationsByIDsCypher, ids, decodeCertification)
}

// SourcesByIDs returns the sources with the given ids.
func (s *Store) SourcesByIDs(ctx context.Context, ids []string) ([]domain.Source, error) {
	return byIDs(ctx, s, sourcesByIDsCypher, ids, decodeSource)
}

func byIDs[T any](ctx context.Context, s *Store, cypher string, ids []string, decode func(map[string]any) T) ([]T, error) {
	recs, err := s.readAll(ctx, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(recs))
	for _, rec := range recs {
		v, err := column(rec, "node", decode)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// Node returns the role, skill or certification with the given id, or ErrNotFound.
func (s *Store) Node(ctx context.Context, id string) (domain.Node, error) {
	recs, err := s.readAll(ctx, nodeByIDCypher, map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("node %q: %w", id, ErrNotFound)
	}
	return decodeNode(recs[0])
}

func decodeNode(rec interface {
	Get(string) (any, bool)
}) (domain.Node, error) {
	kind, _ := rec.Get("kind")
	raw, _ := rec.Get("node")
	m, _ := raw.(map[string]any)
	switch kind {
	case "Role":
		return decodeRole(m), nil
	case "Skill":
		return decodeSkill(m), nil
	case "Certification":
		return decodeCertification(m), nil
	}
	return nil, fmt.Errorf("store: unexpected node kind %v", kind)
}
