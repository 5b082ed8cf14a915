package planner

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"
	"golang.org/x/sync/singleflight"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/safe"
	"github.com/careergraph/careergraph/store"
)

// DefaultRefreshEvery is how often, by default, the planner checks whether the graph
// changed under it.
const DefaultRefreshEvery = 250 * time.Millisecond

// DefaultRebuildAfter is how long, by default, a snapshot patched with the service's own
// changes serves before a full reload replaces it (see Options.RebuildAfter).
const DefaultRebuildAfter = time.Minute

// loadTimeout bounds one reload of the snapshot, which requests share.
const loadTimeout = 2 * time.Minute

// snapshot is every role with its requirements, moves and similarity vectors, every
// skill's name and every certification, as the graph was at one fingerprint. It is built
// once and never changed, so requests read it without a lock; a refresh swaps in a new one.
type snapshot struct {
	fingerprint  string
	version      string              // the graph's version, see store.GraphState
	graph        *store.PlannerGraph // what it was built from
	loaded       time.Time           // when the last full load began
	patched      bool                // changes were applied since that load
	cands        []store.Candidate
	byID         map[string]*store.Candidate
	at           map[string]int // each candidate's position in cands
	levels       []int          // each candidate's level rank (domain.LevelRank)
	reqs         map[string][]store.Need
	roles        map[string]domain.Role
	skillNames   map[string]string
	certs        map[string]store.CertificationLinks
	certsBySkill map[string][]string
	sim          *similarityIndex
	view         graphView
	degrees      map[string]int   // see store.PlannerGraph.Degrees
	required     map[string]int32 // every required skill, numbered
	needIndex    [][]int32        // each candidate's required skills, numbered, in the order of its Requirements
	needers      [][]needer       // by skill number, the candidates that require it
	needNorm     []float64        // each candidate's length of importance × level
	problems     []domain.Problem // the records left out, see store.PlannerGraph.Problems
	wages        *wageBook        // the wage estimates read under this snapshot
	words        *wordIndexes     // titles and names people write, indexed on first use
}

// needer is a candidate requiring a skill, with importance × level.
type needer struct {
	at int32
	w  float64
}

func newSnapshot(g *store.PlannerGraph) *snapshot { return buildSnapshot(g, nil, nil) }

// patch returns a snapshot of g, which is s's graph with the roles changed read again:
// their vectors are worked out under s's similarity model, every other role's kept, and
// s's indexes of titles and names kept when none of what they hold changed.
func (s *snapshot) patch(g *store.PlannerGraph, changed []string) *snapshot {
	ids := make(map[string]bool, len(changed))
	for _, id := range changed {
		ids[id] = true
	}
	out := buildSnapshot(g, s.sim, ids)
	out.loaded, out.patched = s.loaded, true
	out.keepWords(s, changed)
	return out
}

// fromFullRead makes the snapshot of a full read, g: cur patched with the roles that differ
// from its own when they are few (an edit made straight in Neo4j, which the fingerprint
// catches but cannot name), as with the service's own changes; built afresh otherwise, and
// when a rebuild is due. What g holds as cur does is cur's, so that the read's copy can go
// while the snapshot is built.
func fromFullRead(cur *snapshot, g *store.PlannerGraph, rebuild bool, started time.Time) *snapshot {
	if cur == nil {
		s := newSnapshot(g)
		s.loaded = started
		return s
	}
	changed, catalog := cur.reuse(g)
	switch {
	case len(changed) == 0 && catalog && !rebuild:
		return cur.holding(g)
	case !rebuild && len(changed) <= max(minPatchable, len(g.Candidates)/100):
		return cur.patch(g, changed)
	case len(changed) == 0 && catalog:
		return cur.refit(g, started)
	}
	s := newSnapshot(g)
	s.loaded = started
	s.keepWords(cur, changed)
	return s
}

// holding is s over g, a full read of the same roles and catalog as s holds (after
// reuse): a change the planner does not read (a source, a related occupation, wages)
// moved the fingerprint. Only the problems and degrees are g's.
func (s *snapshot) holding(g *store.PlannerGraph) *snapshot {
	out := *s
	g.Candidates = s.cands // equal, role by role; s's indexes point into s.cands
	out.graph, out.degrees, out.problems = g, g.Degrees, g.Problems
	return &out
}

// refit is s with its similarity model fitted again, for a rebuild that read the same roles
// and catalog as s holds (g, after reuse): every other index is s's own.
func (s *snapshot) refit(g *store.PlannerGraph, started time.Time) *snapshot {
	out := s.holding(g)
	out.sim = newSimilarityIndex(s.cands, s.byID, nil, nil)
	out.loaded, out.patched = started, false
	return out
}

// minPatchable is how many changed roles a full read may patch into the snapshot at any
// size; beyond it and a hundredth of the roles, the similarity model is fitted again.
const minPatchable = 8

// reuse puts s's own copy in g of every role g holds as s does, and of the catalog when
// it is the same, and returns the ids of the roles that differ (those of g that s does not
// hold as they are, and those s holds that g no longer has) and whether the catalog is the same.
func (s *snapshot) reuse(g *store.PlannerGraph) (changed []string, catalog bool) {
	seen := make(map[string]bool, len(g.Candidates))
	for i := range g.Candidates {
		c := &g.Candidates[i]
		seen[c.Role.ID] = true
		if old, ok := s.byID[c.Role.ID]; !ok || !old.Equal(c) {
			changed = append(changed, c.Role.ID)
		} else {
			*c = *old
		}
	}
	for id := range s.byID {
		if !seen[id] {
			changed = append(changed, id)
		}
	}
	if old := s.graph; old != nil && sameCatalog(old, g) {
		g.SkillNames, g.Named, g.Certifications = old.SkillNames, old.Named, old.Certifications
		return changed, true
	}
	return changed, false
}

// sameCatalog reports whether a and b hold the same skills and certifications.
func sameCatalog(a, b *store.PlannerGraph) bool {
	return maps.Equal(a.SkillNames, b.SkillNames) && reflect.DeepEqual(a.Named, b.Named) &&
		reflect.DeepEqual(a.Certifications, b.Certifications)
}

// keepWords gives s prev's indexes of titles and names (see wordIndexes) when they would
// be the same: the same catalog, and the roles changed since prev the same in what the
// indexes read (their titles, summary, level and codes), or gone from both.
func (s *snapshot) keepWords(prev *snapshot, changed []string) {
	if s.graph == nil || prev.graph == nil || !sameCatalog(s.graph, prev.graph) {
		return
	}
	for _, id := range changed {
		a, inPrev := prev.roles[id]
		b, inNew := s.roles[id]
		if inPrev != inNew || inNew && !sameWords(a, b) {
			return
		}
	}
	s.words = prev.words
}

// sameWords reports whether two roles are the same in what the word indexes read.
func sameWords(a, b domain.Role) bool {
	return a.ID == b.ID && a.Title == b.Title && a.Summary == b.Summary && a.Level == b.Level &&
		slices.Equal(a.AlternateTitles, b.AlternateTitles) && slices.Equal(a.SocCodes, b.SocCodes)
}

// buildSnapshot builds a snapshot of g. With prev, it keeps prev's similarity model and the
// vectors of every role not changed.
func buildSnapshot(g *store.PlannerGraph, prev *similarityIndex, changed map[string]bool) *snapshot {
	s := &snapshot{graph: g, cands: g.Candidates, byID: make(map[string]*store.Candidate, len(g.Candidates)),
		reqs: make(map[string][]store.Need, len(g.Candidates)), roles: make(map[string]domain.Role, len(g.Candidates)),
		skillNames: g.SkillNames, certs: map[string]store.CertificationLinks{},
		certsBySkill: map[string][]string{}, degrees: g.Degrees, problems: g.Problems, wages: newWageBook(nil, nil),
		words: &wordIndexes{}}
	for i := range s.cands {
		s.byID[s.cands[i].Role.ID] = &s.cands[i]
	}
	// The similarity index, the largest part, is built beside the rest; both only read
	// the candidates and byID.
	safe.Parallel(func() { s.sim = newSimilarityIndex(s.cands, s.byID, prev, changed) }, func() {
		s.indexRequirements()
		for _, c := range g.Certifications {
			s.certs[c.Certification.ID] = c
			for _, sk := range c.Validates {
				s.certsBySkill[sk] = append(s.certsBySkill[sk], c.Certification.ID)
			}
		}
		s.view = newGraphView(s.cands)
	})
	return s
}

// indexRequirements fills s's lookups by role (reqs, roles, at, levels) and numbers every
// required skill, with each candidate's needs and each skill's needers (see snapshot).
func (s *snapshot) indexRequirements() {
	s.required, s.needIndex = map[string]int32{}, make([][]int32, len(s.cands))
	s.at, s.levels, s.needNorm = make(map[string]int, len(s.cands)), make([]int, len(s.cands)), make([]float64, len(s.cands))
	// Numbered and counted first, so that every list is carved at its final length from
	// one array (full slice expressions: an append to one cannot reach the next).
	var total int
	var count []int32 // needers by skill number
	for i := range s.cands {
		for _, r := range s.cands[i].Requirements {
			k, ok := s.required[r.Skill]
			if !ok {
				k = int32(len(s.required))
				s.required[r.Skill] = k
				count = append(count, 0)
			}
			count[k]++
			total++
		}
	}
	needs, needers := make([]int32, 0, total), make([]needer, total)
	s.needers = make([][]needer, len(count))
	at := 0
	for k, n := range count {
		s.needers[k] = needers[at : at : at+int(n)]
		at += int(n)
	}
	for i := range s.cands {
		c := &s.cands[i]
		s.at[c.Role.ID], s.levels[i] = i, domain.LevelRank(c.Role.Level)
		s.reqs[c.Role.ID] = c.Requirements
		s.roles[c.Role.ID] = c.Role
		from := len(needs)
		for _, r := range c.Requirements {
			k := s.required[r.Skill]
			needs = append(needs, k)
			w := r.Importance * r.Level
			s.needers[k] = append(s.needers[k], needer{int32(i), w})
			s.needNorm[i] += w * w
		}
		s.needIndex[i] = needs[from:len(needs):len(needs)]
	}
}

// Options tune how the planner keeps its snapshot of the graph fresh; zero values take
// the defaults.
type Options struct {
	// RefreshEvery is how often the graph's fingerprint is checked. An edit made elsewhere
	// (another replica, an import, Cypher straight into Neo4j) reaches answers within about
	// this long plus one reload.
	RefreshEvery time.Duration
	// Now is the clock; tests replace it.
	Now func() time.Time
	// Log hears of rejected records and of panics recovered in the planner's background work.
	Log zerolog.Logger
	// OnSnapshot, when set, hears the problems of every snapshot built (for metrics).
	OnSnapshot func(problems []domain.Problem)
	// RebuildAfter bounds how long a snapshot patched with the service's own changes
	// serves before a full reload replaces it: a patch keeps the similarity model of the
	// last full load, and an edit made straight in Neo4j at the same time as one of the
	// service's is caught by the fingerprint only once.
	RebuildAfter time.Duration
	// OnLoad, when set, hears how long each load of a snapshot took (the graph read and
	// the build), how many roles it holds, and whether it was a patch with the service's
	// own changes rather than a full load.
	OnLoad func(took time.Duration, roles int, patched bool)
	// Settled, when set, is called once a new snapshot serves and the word indexes it
	// keeps are built: what the planner holds will not grow until the next load (for
	// sizing the memory limit).
	Settled func()
	// Loading, when set, is called as a full read of the graph begins, with how many
	// roles the graph holds; what it returns is called once the snapshot is built (for the
	// collector's pace, see memlimit.Loading).
	Loading func(roles int) (done func())
}

// snapshots holds the current snapshot and coordinates its refreshes.
type snapshots struct {
	current    atomic.Pointer[snapshot]
	checked    atomic.Int64 // when the fingerprint was last found current (Unix nanoseconds)
	refreshing atomic.Bool
	group      singleflight.Group
	life       sync.RWMutex // loads hold it shared; Close takes it to wait for them
	closed     bool
	failed     atomic.Pointer[error] // why the last load failed; nil after a success
	wordsAsked atomic.Bool           // a title or a text was asked about: index words ahead
	reads      atomic.Uint64         // reads of the graph for a new snapshot begun
	reading    atomic.Int32          // of them, under way
	logged     problemLog
}

// Reading reports how many reads of the graph for a new snapshot have begun, and whether
// one is under way: while one is, the heap holds the graph being read beside the snapshot
// served (for the memory limit's measurement, which must not count it).
func (p *Planner) Reading() (begun uint64, now bool) {
	return p.snaps.reads.Load(), p.snaps.reading.Load() > 0
}

// errClosed is what a refresh asked of a closed planner answers.
var errClosed = errors.New("planner: closed")

// Close stops any refresh under way, waits for it, and starts no other, so that the store
// can be closed after it.
func (p *Planner) Close() {
	p.stop()
	p.snaps.life.Lock()
	defer p.snaps.life.Unlock()
	p.snaps.closed = true
}

// snapshot returns the current snapshot. Only the first request waits for Neo4j; after
// that a request gets the snapshot at hand and, when it has not been checked for longer
// than twice RefreshEvery (KeepFresh, when it runs, checks every RefreshEvery), starts a
// refresh in the background.
func (p *Planner) snapshot(ctx context.Context) (*snapshot, error) {
	if s := p.snaps.current.Load(); s != nil {
		if p.opts.Now().Sub(time.Unix(0, p.snaps.checked.Load())) > 2*p.opts.RefreshEvery &&
			p.snaps.refreshing.CompareAndSwap(false, true) {
			safe.Go(p.opts.Log, "planner.refresh", func() {
				defer p.snaps.refreshing.Store(false)
				_, _ = p.load(context.Background())
			})
		}
		return s, nil
	}
	return p.load(ctx)
}

// Refresh checks the graph's fingerprint and reloads the snapshot if it changed, with a
// check that starts after the call: a curator's edit calls it so that the next request in
// this process sees the edit. A check already under way may have read the fingerprint
// before the edit, so Refresh waits for it and then makes its own.
func (p *Planner) Refresh(ctx context.Context) error {
	if _, err := p.load(ctx); err != nil {
		return err
	}
	_, err := p.load(ctx)
	return err
}

// KeepFresh loads the snapshot at once, then refreshes it every RefreshEvery until ctx
// ends, so that even an idle replica answers from a graph no older than that.
func (p *Planner) KeepFresh(ctx context.Context) {
	_, _ = p.load(ctx)
	t := time.NewTicker(p.opts.RefreshEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_, _ = p.load(ctx)
		}
	}
}

// load is the shared refresh: one fingerprint read, and a full read only when it changed.
// It runs detached from the caller's context, since other callers may be waiting on it,
// until the planner closes. A load that fails, or panics, leaves the snapshot at hand in
// place and records why.
func (p *Planner) load(ctx context.Context) (*snapshot, error) {
	ch := p.snaps.group.DoChan("load", func() (v any, err error) {
		defer safe.Recover(p.opts.Log, "planner.load", &err)
		p.snaps.life.RLock()
		defer p.snaps.life.RUnlock()
		if p.snaps.closed {
			return nil, errClosed
		}
		s, err := p.reload()
		if err != nil {
			p.snaps.failed.Store(&err)
			return nil, err
		}
		p.snaps.failed.Store(nil)
		return s, nil
	})
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case r := <-ch:
		if r.Err != nil {
			return nil, r.Err
		}
		return r.Val.(*snapshot), nil
	}
}

// reload builds a new snapshot when the graph's fingerprint changed, and swaps it in.
// When the one change since the snapshot was the service's own and says what it changed,
// only those roles are read again and patched in; otherwise, and once a patched snapshot
// is RebuildAfter old, the whole graph is read.
func (p *Planner) reload() (*snapshot, error) {
	ctx, cancel := context.WithTimeout(p.alive, loadTimeout)
	defer cancel()
	started := p.opts.Now()
	// The state is read before the graph: a write that lands while the graph is read then
	// shows as a newer fingerprint at the next check, never as one already seen.
	st, err := p.store.State(ctx)
	if err != nil {
		return nil, err
	}
	cur := p.snaps.current.Load()
	rebuild := cur != nil && cur.patched && started.Sub(cur.loaded) >= p.opts.RebuildAfter
	if cur != nil && st.Fingerprint == cur.fingerprint && !rebuild {
		p.snaps.checked.Store(started.UnixNano())
		return cur, nil
	}
	p.snaps.reads.Add(1)
	p.snaps.reading.Add(1)
	readDone := sync.OnceFunc(func() { p.snaps.reading.Add(-1) })
	defer readDone()
	var s *snapshot
	patch := cur != nil && !rebuild && st.Last != nil && st.Previous == cur.version && st.Version != cur.version
	if patch {
		g, err := p.store.ReadPlannerRoles(ctx, cur.graph, *st.Last)
		if err != nil {
			return nil, err
		}
		s = cur.patch(g, st.Last.Roles)
	} else if s, err = p.fullRead(ctx, cur, st.Roles, rebuild, started); err != nil {
		return nil, err
	}
	readDone()
	s.fingerprint, s.version = st.Fingerprint, st.Version
	s.wages = newWageBook(p.store, p.logProblems)
	p.opts.OnLoad(p.opts.Now().Sub(started), len(s.cands), patch)
	p.snaps.current.Store(s)
	p.snaps.checked.Store(started.UnixNano())
	p.report(s.problems)
	if p.snaps.wordsAsked.Load() {
		p.indexWords(s) // ahead of the next title or text asked
	} else {
		p.opts.Settled()
	}
	return s, nil
}

// fullRead reads the whole graph and makes its snapshot (see fromFullRead), at the
// collector's pace Options.Loading sets for a graph of roles roles.
func (p *Planner) fullRead(ctx context.Context, cur *snapshot, roles int, rebuild bool, started time.Time) (*snapshot, error) {
	defer p.opts.Loading(roles)()
	var prev *store.PlannerGraph
	if cur != nil {
		prev = cur.graph
	}
	g, err := p.store.ReadPlannerGraph(ctx, prev)
	if err != nil {
		return nil, err
	}
	return fromFullRead(cur, g, rebuild, started), nil
}

// movesFrom are the career moves out of the role with id, with the roles they lead to.
func (s *snapshot) movesFrom(id string) []domain.CareerMove {
	c := s.byID[id]
	if c == nil {
		return nil
	}
	var out []domain.CareerMove
	for _, m := range c.Moves {
		if to, ok := s.roles[m.To]; ok {
			out = append(out, domain.CareerMove{Role: to, TypicalYears: m.TypicalYears, Kind: m.Kind, SourceID: m.SourceID})
		}
	}
	return out
}

// withRoles returns the current snapshot and the roles ids name, failing with
// ErrNotFound naming the first id that names no role.
func (p *Planner) withRoles(ctx context.Context, ids ...string) (*snapshot, map[string]domain.Role, error) {
	snap, err := p.snapshot(ctx)
	if err != nil {
		return nil, nil, err
	}
	roles, err := snap.rolesByID(ids...)
	return snap, roles, err
}

// rolesByID returns roles by id, failing with ErrNotFound naming the first id that names no role.
func (s *snapshot) rolesByID(ids ...string) (map[string]domain.Role, error) {
	out := make(map[string]domain.Role, len(ids))
	for _, id := range ids {
		r, ok := s.roles[id]
		if !ok {
			return nil, fmt.Errorf("no role has id %q: %w", id, store.ErrNotFound)
		}
		out[id] = r
	}
	return out, nil
}
