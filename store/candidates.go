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

// Candidate is a role with what it requires, values and uses.
type Candidate struct {
	Role         career.Role
	Occupation   bool // an O*NET occupation rather than a curated role
	Requirements []career.Requirement
	Endorsements []career.Endorsement
	Tech         []string // technologies used (O*NET occupations)
	ClassifiedAs []string // the O*NET occupations a curated role is classified as
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
		occ, _ := rec.Get("occupation")
		c.Occupation = occ == true
		if c.Tech, err = stringList(rec, "tech"); err != nil {
			return nil, err
		}
		if c.ClassifiedAs, err = stringList(rec, "classifiedAs"); err != nil {
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

// strings decodes a column holding a list of strings.
func stringList(rec *neo4j.Record, key string) ([]string, error) {
	vals, err := value[[]any](rec, key)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(vals))
	for _, v := range vals {
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("store: column %s holds %T, not a string", key, v)
		}
		out = append(out, s)
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
