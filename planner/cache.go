package planner

import (
	"context"
	"fmt"
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
	roles   map[string]career.Role
}

// Invalidate drops the cache; the next question reads the graph again.
func (p *Planner) Invalidate() {
	p.cache.mu.Lock()
	defer p.cache.mu.Unlock()
	p.cache.cands, p.cache.reqs, p.cache.roles, p.cache.version = nil, nil, nil, ""
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
	roles := make(map[string]career.Role, len(cands))
	for _, cd := range cands {
		reqs[cd.Role.ID] = cd.Requirements
		roles[cd.Role.ID] = cd.Role
	}
	c.version, c.cands, c.reqs, c.roles = v, cands, reqs, roles
	return cands, reqs, nil
}

// roles returns roles by id from the cache, failing with ErrNotFound naming the first
// id that names no role.
func (p *Planner) roles(ctx context.Context, ids ...string) (map[string]career.Role, error) {
	if _, _, err := p.candidates(ctx); err != nil {
		return nil, err
	}
	p.cache.mu.Lock()
	defer p.cache.mu.Unlock()
	out := make(map[string]career.Role, len(ids))
	for _, id := range ids {
		r, ok := p.cache.roles[id]
		if !ok {
			return nil, fmt.Errorf("no role has id %q: %w", id, store.ErrNotFound)
		}
		out[id] = r
	}
	return out, nil
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
