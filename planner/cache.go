package planner

import (
	"context"
	"sync"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/store"
)

// candidateCache keeps every role's requirements in memory between requests: reading
// them costs hundreds of milliseconds on a graph of a thousand occupations. It is
// rebuilt whenever the graph's version changes (every import bumps it), so it never
// answers from stale data.
type candidateCache struct {
	mu      sync.Mutex
	version string
	cands   []store.Candidate
	reqs    map[string][]career.Requirement
}

// candidates returns every role's candidate data, reading it again if the graph changed.
func (p *Planner) candidates(ctx context.Context) ([]store.Candidate, map[string][]career.Requirement, error) {
	v, err := p.store.GraphVersion(ctx)
	if err != nil {
		return nil, nil, err
	}
	c := &p.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cands != nil && c.version == v {
		return c.cands, c.reqs, nil
	}
	cands, err := p.store.Candidates(ctx)
	if err != nil {
		return nil, nil, err
	}
	reqs := make(map[string][]career.Requirement, len(cands))
	for _, cd := range cands {
		reqs[cd.Role.ID] = cd.Requirements
	}
	c.version, c.cands, c.reqs = v, cands, reqs
	return cands, reqs, nil
}
