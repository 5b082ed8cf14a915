// Package planner answers the questions a person asks of the graph: how do I get from
// here to there (career paths), where can I be in N years (reachable roles), and what
// do I lack for a role (skill gap). It validates the question, runs the store's path
// search in Neo4j, and works out skills to gain with the gap package.
package planner

import (
	"context"
	"errors"
	"fmt"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/gap"
	"github.com/careergraph/careergraph/store"
)

// Store is what the planner needs from the store.
type Store interface {
	SkillsByIDs(ctx context.Context, ids []string) ([]career.Skill, error)
	CertificationsByIDs(ctx context.Context, ids []string) ([]career.Certification, error)
	CertificationSkills(ctx context.Context, ids []string) (map[string][]career.Skill, error)
	SkillCertifications(ctx context.Context, ids []string) (map[string][]career.Certification, error)
	PrerequisiteChains(ctx context.Context, ids []string) (map[string][]career.Certification, error)
	GraphVersion(ctx context.Context) (string, error)
	CareerPaths(ctx context.Context, q store.PathSearch) ([]store.Path, error)
	ReachableRoles(ctx context.Context, q store.ReachSearch) ([]store.Reach, error)
	Candidates(ctx context.Context) ([]store.Candidate, error)
	NextRoles(ctx context.Context, ids []string) (map[string][]career.CareerMove, error)
}

// Planner answers path, reach and gap questions over a store.
type Planner struct {
	store Store
	cache candidateCache
}

// New returns a planner over st.
func New(st Store) *Planner { return &Planner{store: st} }

// InputError is a question the planner cannot answer as asked; the message says what
// to change.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputErr(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// IsInputError reports whether err is an InputError.
func IsInputError(err error) bool {
	var ie *InputError
	return errors.As(err, &ie)
}

// needs turns a role's requirements into the gap package's needs.
func needs(reqs []career.Requirement) []gap.Need {
	out := make([]gap.Need, len(reqs))
	for i, r := range reqs {
		out[i] = gap.Need{SkillID: r.Skill, Importance: r.Importance, Level: r.Level}
	}
	return out
}
