package store

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/domain"
)

// Candidate is a role with what it requires, values and uses, and where it leads.
type Candidate struct {
	Role         domain.Role
	Occupation   bool // an O*NET occupation rather than a curated role
	Requirements []domain.Requirement
	Endorsements []domain.Endorsement
	Tech         []string // technologies used (O*NET occupations)
	ClassifiedAs []string // the O*NET occupations a curated role is classified as
	Moves        []domain.Progression
}

// CertificationLinks is a certification with the skills it validates and the
// certifications that prepare for it.
type CertificationLinks struct {
	Certification domain.Certification
	Validates     []string
	Prerequisites []string
}

// PlannerGraph is everything the planner keeps in memory, read in one transaction.
type PlannerGraph struct {
	// Fingerprint is not filled by ReadPlannerGraph: the planner sets it to the
	// Fingerprint it read just before, so a write landing meanwhile shows as a change.
	Fingerprint    string
	Candidates     []Candidate
	SkillNames     map[string]string
	Certifications []CertificationLinks
	// Degrees is the most edges of each kind one node has (roleSkills, skillRoles, ...; see
	// cypher/degrees.cypher), for pricing nested lists.
	Degrees map[string]int
	// Problems are the records left out because they failed their check.
	Problems []domain.Problem
	seen     map[string]bool // ids read so far, while reading
}

// ReadPlannerGraph reads every role, skill name and certification the planner needs, in
// one read transaction.
func (s *Store) ReadPlannerGraph(ctx context.Context) (*PlannerGraph, error) {
	g := &PlannerGraph{SkillNames: map[string]string{}}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager()})
	defer session.Close(ctx)
	_, err := session.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		*g = PlannerGraph{SkillNames: map[string]string{}, Degrees: map[string]int{}}
		return nil, s.readPlannerGraph(ctx, tx, g)
	}, neo4j.WithTxTimeout(s.txTimeout*6))
	if err = translate(ctx, err); err != nil {
		return nil, err
	}
	return g, nil
}

// readPlannerGraph fills g from the planner's statements, read in tx. Every record is
// checked: one that fails is left out of g and reported in g.Problems (see check.go).
func (s *Store) readPlannerGraph(ctx context.Context, tx neo4j.ManagedTransaction, g *PlannerGraph) error {
	err := s.stream(ctx, tx, candidatesCypher, func(rec *neo4j.Record) error {
		if c, ok := g.candidate(rec); ok {
			g.Candidates = append(g.Candidates, c)
		}
		return nil
	})
	if err == nil {
		err = s.stream(ctx, tx, plannerSkillsCypher, func(rec *neo4j.Record) error {
			g.skillName(rec)
			return nil
		})
	}
	if err == nil {
		err = s.stream(ctx, tx, plannerCertificationsCypher, func(rec *neo4j.Record) error {
			if c, ok := g.certificationLinks(rec); ok {
				g.Certifications = append(g.Certifications, c)
			}
			return nil
		})
	}
	if err == nil {
		err = s.stream(ctx, tx, degreesCypher, func(rec *neo4j.Record) error {
			m, _, _ := neo4j.GetRecordValue[map[string]any](rec, "degrees")
			for k, v := range m {
				n, _ := v.(int64) // null on an empty graph: 0
				g.Degrees[k] = int(n)
			}
			return nil
		})
	}
	if err == nil {
		g.dropDangling()
	}
	return err
}
