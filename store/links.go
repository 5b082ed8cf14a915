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
	return links(ctx, s, roleSkillsCypher, roleIDs, domain.RecordRequirement, false, func(node map[string]any, edge *props) domain.SkillRequirement {
		imp, lvl := requirementScales(edge)
		return domain.SkillRequirement{Skill: end(edge, decodeSkill(node)), Importance: imp, Level: lvl, SourceID: edge.text("source", "source", optional)}
	})
}

// SkillRoles returns the roles that require each skill.
func (s *Store) SkillRoles(ctx context.Context, skillIDs []string) (map[string][]domain.RoleRequirement, error) {
	return links(ctx, s, skillRolesCypher, skillIDs, domain.RecordRequirement, true, func(node map[string]any, edge *props) domain.RoleRequirement {
		imp, lvl := requirementScales(edge)
		return domain.RoleRequirement{Role: end(edge, decodeRole(node)), Importance: imp, Level: lvl, SourceID: edge.text("source", "source", optional)}
	})
}

func requirementScales(edge *props) (importance, level float64) {
	importance, _ = edge.num("importance", "importance", minImportance, maxImportance, true)
	level, _ = edge.num("level", "level", minLevel, maxLevel, true)
	return importance, level
}

// RoleCertifications returns the certifications each role values.
func (s *Store) RoleCertifications(ctx context.Context, roleIDs []string) (map[string][]domain.CertificationEndorsement, error) {
	return links(ctx, s, roleCertificationsCypher, roleIDs, domain.RecordEndorsement, false, func(node map[string]any, edge *props) domain.CertificationEndorsement {
		return domain.CertificationEndorsement{Certification: end(edge, decodeCertification(node)),
			Relevance: edge.enum("relevance", "relevance", domain.Relevances, true), SourceID: edge.text("source", "source", optional)}
	})
}

// CertificationRoles returns the roles that value each certification.
func (s *Store) CertificationRoles(ctx context.Context, certIDs []string) (map[string][]domain.RoleEndorsement, error) {
	return links(ctx, s, certificationRolesCypher, certIDs, domain.RecordEndorsement, true, func(node map[string]any, edge *props) domain.RoleEndorsement {
		return domain.RoleEndorsement{Role: end(edge, decodeRole(node)), Relevance: edge.enum("relevance", "relevance", domain.Relevances, true),
			SourceID: edge.text("source", "source", optional)}
	})
}

// NextRoles returns the moves out of each role.
func (s *Store) NextRoles(ctx context.Context, roleIDs []string) (map[string][]domain.CareerMove, error) {
	return links(ctx, s, roleNextCypher, roleIDs, domain.RecordMove, false, decodeMove)
}

// PreviousRoles returns the moves into each role.
func (s *Store) PreviousRoles(ctx context.Context, roleIDs []string) (map[string][]domain.CareerMove, error) {
	return links(ctx, s, rolePreviousCypher, roleIDs, domain.RecordMove, true, decodeMove)
}

func decodeMove(node map[string]any, edge *props) domain.CareerMove {
	years, _ := edge.num("typicalYears", "typicalYears", 0, maxYears, true)
	return domain.CareerMove{Role: end(edge, decodeRole(node)), TypicalYears: years, Kind: edge.enum("kind", "kind", domain.ProgressionKinds, true),
		SourceID: edge.text("source", "source", optional)}
}

// CertificationSkills returns the skills each certification validates.
func (s *Store) CertificationSkills(ctx context.Context, certIDs []string) (map[string][]domain.Skill, error) {
	return links(ctx, s, certificationSkillsCypher, certIDs, domain.RecordValidation, false, func(node map[string]any, edge *props) domain.Skill {
		return end(edge, decodeSkill(node))
	})
}

// SkillCertifications returns the certifications that validate each skill.
func (s *Store) SkillCertifications(ctx context.Context, skillIDs []string) (map[string][]domain.Certification, error) {
	return links(ctx, s, skillCertificationsCypher, skillIDs, domain.RecordValidation, true, certificationAtEnd)
}

// CertificationPrerequisites returns the certifications that prepare for each certification.
func (s *Store) CertificationPrerequisites(ctx context.Context, certIDs []string) (map[string][]domain.Certification, error) {
	return links(ctx, s, certificationPrerequisitesCypher, certIDs, domain.RecordPrerequisite, true, certificationAtEnd)
}

// CertificationPreparesFor returns the certifications each certification prepares for.
func (s *Store) CertificationPreparesFor(ctx context.Context, certIDs []string) (map[string][]domain.Certification, error) {
	return links(ctx, s, certificationPreparesForCypher, certIDs, domain.RecordPrerequisite, false, certificationAtEnd)
}

func certificationAtEnd(node map[string]any, edge *props) domain.Certification {
	return end(edge, decodeCertification(node))
}

// links runs a link statement for ids and decodes each edge. An edge whose properties
// fail their check, or whose other end does (see props.end), is left out of the list, as
// the planner leaves it out. inbound says the asked ids are at the edges' ends.
func links[T any](ctx context.Context, s *Store, cypher string, ids []string, kind string, inbound bool, decode func(node map[string]any, edge *props) T) (map[string][]T, error) {
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
		from, to := key, nodeID(node)
		if inbound {
			from, to = to, from
		}
		p := newProps(edge, kind, from, to)
		v := decode(node, p)
		if len(p.problems) == 0 && !p.badEnd {
			out[key] = append(out[key], v)
		}
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
