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

// candidateCache keeps a snapshot of every role between requests: reading them costs
// hundreds of milliseconds on a graph of a thousand occupations. It is rebuilt when the
// graph's version changes (every import and edit bumps it).
type candidateCache struct {
	mu      sync.Mutex
	version string
	checked time.Time
	snap    *snapshot
}

// snapshot is every role with its requirements and similarity vectors, built once per
// graph version and never changed afterwards, so it can be read without a lock.
type snapshot struct {
	cands []store.Candidate
	byID  map[string]*store.Candidate
	reqs  map[string][]career.Requirement
	roles map[string]career.Role
	sim   *similarityIndex
}

func newSnapshot(cands []store.Candidate) *snapshot {
	s := &snapshot{cands: cands, byID: make(map[string]*store.Candidate, len(cands)),
		reqs: make(map[string][]career.Requirement, len(cands)), roles: make(map[string]career.Role, len(cands))}
	for i := range cands {
		c := &cands[i]
		s.byID[c.Role.ID] = c
		s.reqs[c.Role.ID] = c.Requirements
		s.roles[c.Role.ID] = c.Role
	}
	s.sim = newSimilarityIndex(cands, s.byID)
	return s
}

// Invalidate drops the cache; the next question reads the graph again.
func (p *Planner) Invalidate() {
	p.cache.mu.Lock()
	defer p.cache.mu.Unlock()
	p.cache.snap, p.cache.version = nil, ""
}

// snapshot returns the current snapshot, reading the graph again if it changed.
func (p *Planner) snapshot(ctx context.Context) (*snapshot, error) {
	c := &p.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.snap != nil && time.Since(c.checked) < recheckAfter {
		return c.snap, nil
	}
	v, err := p.store.GraphVersion(ctx)
	if err != nil {
		return nil, err
	}
	c.checked = time.Now()
	if c.snap != nil && c.version == v {
		return c.snap, nil
	}
	cands, err := p.store.Candidates(ctx)
	if err != nil {
		return nil, err
	}
	c.version, c.snap = v, newSnapshot(cands)
	return c.snap, nil
}

// candidates returns every role's candidate data, reading it again if the graph changed.
func (p *Planner) candidates(ctx context.Context) ([]store.Candidate, map[string][]career.Requirement, error) {
	s, err := p.snapshot(ctx)
	if err != nil {
		return nil, nil, err
	}
	return s.cands, s.reqs, nil
}

// roles returns roles by id, failing with ErrNotFound naming the first id that names no role.
func (p *Planner) roles(ctx context.Context, ids ...string) (map[string]career.Role, error) {
	s, err := p.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	return s.rolesByID(ids...)
}

func (s *snapshot) rolesByID(ids ...string) (map[string]career.Role, error) {
	out := make(map[string]career.Role, len(ids))
	for _, id := range ids {
		r, ok := s.roles[id]
		if !ok {
			return nil, fmt.Errorf("no role has id %q: %w", id, store.ErrNotFound)
		}
		out[id] = r
	}
	return out, nil
}

// requirements returns the requirements of the given roles.
func (p *Planner) requirements(ctx context.Context, ids ...string) (map[string][]career.Requirement, error) {
	s, err := p.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]career.Requirement, len(ids))
	for _, id := range ids {
		out[id] = s.reqs[id]
	}
	return out, nil
}
