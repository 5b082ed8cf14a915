package planner

import (
	"context"
	"sync"
	"time"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/store"
)

// recheckAfter bounds how long the cache trusts itself before asking Neo4j whether the
// graph changed. Edits made through this process invalidate the cache at once; this only
// matters for imports and edits made elsewhere (another replica, the import commands).
const recheckAfter = 50 * time.Millisecond

// candidateCache keeps every role's requirements in memory between requests: reading
// them costs hundreds of milliseconds on a graph of a thousand occupations. It is
// rebuilt when the graph's version changes (every import and edit bumps it).
type candidateCache struct {
	mu      sync.Mutex
	version string
	checked time.Time
	cands   []store.Candidate
	reqs    map[string][]career.Requirement
}

// Invalidate drops the cache; the next question reads the graph again.
func (p *Planner) Invalidate() {
	p.cache.mu.Lock()
	defer p.cache.mu.Unlock()
	p.cache.cands, p.cache.reqs, p.cache.version = nil, nil, ""
}

// candidates returns every role's candidate data, reading it again if the graph changed.
func (p *Planner) candidates(ctx context.Context) ([]store.Candidate, map[string][]career.Requirement, error) {
	c := &p.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cands != nil && time.Since(c.checked) < recheckAfter {
		return c.cands, c.reqs, nil
	}
	v, err := p.store.GraphVersion(ctx)
	if err != nil {
		return nil, nil, err
	}
	c.checked = time.Now()
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

// requirements returns the requirements of the given roles from the cache.
func (p *Planner) requirements(ctx context.Context, ids ...string) (map[string][]career.Requirement, error) {
	_, all, err := p.candidates(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]career.Requirement, len(ids))
	for _, id := range ids {
		out[id] = all[id]
	}
	return out, nil
}
