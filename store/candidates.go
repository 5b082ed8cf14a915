package store

import (
	"context"
	_ "embed"

	"github.com/careergraph/careergraph/career"
)

//go:embed cypher/candidates.cypher
var candidatesCypher string

// Candidate is a role with what it requires and values, for scoring.
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
		reqs, err := value[[]any](rec, "requires")
		if err != nil {
			return nil, err
		}
		for _, r := range reqs {
			p := &props{m: mapOf(r)}
			c.Requirements = append(c.Requirements, career.Requirement{Role: role.ID, Skill: p.str("skill"),
				Importance: p.f64("importance"), Level: p.f64("level")})
			if p.err != nil {
				return nil, p.err
			}
		}
		vals, err := value[[]any](rec, "values")
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			p := &props{m: mapOf(v)}
			c.Endorsements = append(c.Endorsements, career.Endorsement{Role: role.ID,
				Certification: p.str("certification"), Relevance: p.str("relevance")})
		}
		out = append(out, c)
	}
	return out, nil
}
