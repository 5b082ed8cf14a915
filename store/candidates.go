package store

import (
	"context"
	_ "embed"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/career"
)

//go:embed cypher/candidates.cypher
var candidatesCypher string

// Candidate is a role with what it requires and values.
type Candidate struct {
	Role         career.Role
	Requirements []career.Requirement
	Endorsements []career.Endorsement
}

// Candidates returns every role with its requirements and valued certifications.
func (s *Store) Candidates(ctx context.Context) ([]Candidate, error) {
	recs, err := s.read(ctx, candidatesCypher, nil)
	if err != nil {
		return nil, err
	}
	out := make([]Candidate, 0, len(recs))
	for _, rec := range recs {
		role, err := column(rec, "role", decodeRole)
		if err != nil {
			return nil, err
		}
		c := Candidate{Role: role}
		if c.Requirements, err = requirementLists(rec, role.ID); err != nil {
			return nil, err
		}
		vals, err := value[[]any](rec, "values")
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			cert, relevance, _ := strings.Cut(fmt.Sprint(v), " ")
			c.Endorsements = append(c.Endorsements, career.Endorsement{Role: role.ID, Certification: cert, Relevance: relevance})
		}
		out = append(out, c)
	}
	return out, nil
}

// requirementLists decodes the parallel skills, importance and levels columns.
func requirementLists(rec *neo4j.Record, roleID string) ([]career.Requirement, error) {
	var cols [3][]any
	for i, k := range []string{"skills", "importance", "levels"} {
		v, err := value[[]any](rec, k)
		if err != nil {
			return nil, err
		}
		cols[i] = v
	}
	out := make([]career.Requirement, len(cols[0]))
	for i := range cols[0] {
		p := &props{m: map[string]any{"skill": cols[0][i], "importance": cols[1][i], "level": cols[2][i]}}
		out[i] = career.Requirement{Role: roleID, Skill: p.str("skill"), Importance: p.f64("importance"), Level: p.f64("level")}
		if p.err != nil {
			return nil, p.err
		}
	}
	return out, nil
}
