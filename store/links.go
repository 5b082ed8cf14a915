package store

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/domain"
)

// Each link method answers for a batch of ids in one statement and returns, for every
// requested id, the edges out of (or into) it with the node at the other end. Ids with
// no edges map to an empty slice, so loaders can tell "none" from "not asked".

// RoleSkills returns the skills each role requires.
func (s *Store) RoleSkills(ctx context.Context, roleIDs []string) (map[string][]domain.SkillRequirement, error) {
	return links(ctx, s, roleSkillsCypher, roleIDs, func(node, edge *props) (domain.SkillRequirement, error) {
		sk, err := decodeSkill(node.m)
		return domain.SkillRequirement{Skill: sk, Importance: edge.f64("importance"), Level: edge.f64("level"),
			SourceID: edge.str("source")}, firstErr(err, edge.err)
	})
}

// SkillRoles returns the roles that require each skill.
func (s *Store) SkillRoles(ctx context.Context, skillIDs []string) (map[string][]domain.RoleRequirement, error) {
	return links(ctx, s, skillRolesCypher, skillIDs, func(node, edge *props) (domain.RoleRequirement, error) {
		r, err := decodeRole(node.m)
		return domain.RoleRequirement{Role: r, Importance: edge.f64("importance"), Level: edge.f64("level"),
			SourceID: edge.str("source")}, firstErr(err, edge.err)
	})
}

// RoleCertifications returns the certifications each role values.
func (s *Store) RoleCertifications(ctx context.Context, roleIDs []string) (map[string][]domain.CertificationEndorsement, error) {
	return links(ctx, s, roleCertificationsCypher, roleIDs, func(node, edge *props) (domain.CertificationEndorsement, error) {
		c, err := decodeCertification(node.m)
		return domain.CertificationEndorsement{Certification: c, Relevance: edge.str("relevance"),
			SourceID: edge.str("source")}, err
	})
}

// CertificationRoles returns the roles that value each certification.
func (s *Store) CertificationRoles(ctx context.Context, certIDs []string) (map[string][]domain.RoleEndorsement, error) {
	return links(ctx, s, certificationRolesCypher, certIDs, func(node, edge *props) (domain.RoleEndorsement, error) {
		r, err := decodeRole(node.m)
		return domain.RoleEndorsement{Role: r, Relevance: edge.str("relevance"), SourceID: edge.str("source")}, err
	})
}

// NextRoles returns the moves out of each role.
func (s *Store) NextRoles(ctx context.Context, roleIDs []string) (map[string][]domain.CareerMove, error) {
	return links(ctx, s, roleNextCypher, roleIDs, decodeMove)
}

// PreviousRoles returns the moves into each role.
func (s *Store) PreviousRoles(ctx context.Context, roleIDs []string) (map[string][]domain.CareerMove, error) {
	return links(ctx, s, rolePreviousCypher, roleIDs, decodeMove)
}

func decodeMove(node, edge *props) (domain.CareerMove, error) {
	r, err := decodeRole(node.m)
	return domain.CareerMove{Role: r, TypicalYears: edge.f64("typicalYears"), Kind: edge.str("kind"),
		SourceID: edge.str("source")}, firstErr(err, edge.err)
}

// CertificationSkills returns the skills each certification validates.
func (s *Store) CertificationSkills(ctx context.Context, certIDs []string) (map[string][]domain.Skill, error) {
	return links(ctx, s, certificationSkillsCypher, certIDs, func(node, _ *props) (domain.Skill, error) {
		return decodeSkill(node.m)
	})
}

// SkillCertifications returns the certifications that validate each skill.
func (s *Store) SkillCertifications(ctx context.Context, skillIDs []string) (map[string][]domain.Certification, error) {
	return links(ctx, s, skillCertificationsCypher, skillIDs, certificationAtEnd)
}

// CertificationPrerequisites returns the certifications that prepare for each certification.
func (s *Store) CertificationPrerequisites(ctx context.Context, certIDs []string) (map[string][]domain.Certification, error) {
	return links(ctx, s, certificationPrerequisitesCypher, certIDs, certificationAtEnd)
}

// CertificationPreparesFor returns the certifications each certification prepares for.
func (s *Store) CertificationPreparesFor(ctx context.Context, certIDs []string) (map[string][]domain.Certification, error) {
	return links(ctx, s, certificationPreparesForCypher, certIDs, certificationAtEnd)
}

func certificationAtEnd(node, _ *props) (domain.Certification, error) {
	return decodeCertification(node.m)
}

func links[T any](ctx context.Context, s *Store, cypher string, ids []string, decode func(node, edge *props) (T, error)) (map[string][]T, error) {
	recs, err := s.readAll(ctx, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make(map[string][]T, len(ids))
	for _, id := range ids {
		out[id] = []T{}
	}
	for _, rec := range recs {
		key, node, edge, err := linkColumns(rec)
		if err != nil {
			return nil, err
		}
		v, err := decode(&props{m: node}, &props{m: edge})
		if err != nil {
			return nil, err
		}
		out[key] = append(out[key], v)
	}
	return out, nil
}

func linkColumns(rec *neo4j.Record) (key string, node, edge map[string]any, err error) {
	if key, err = value[string](rec, "key"); err != nil {
		return
	}
	if node, err = value[map[string]any](rec, "node"); err != nil {
		return
	}
	edge, err = value[map[string]any](rec, "edge")
	return
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
