package store

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"reflect"
	"runtime"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/safe"
)

// Candidate is a role with what it requires, values and uses, and where it leads.
type Candidate struct {
	Role         domain.Role
	Occupation   bool // an O*NET occupation rather than a curated role
	Requirements []Need
	Endorsements []domain.Endorsement
	Tech         []string // technologies used (O*NET occupations)
	ClassifiedAs []string // the O*NET occupations a curated role is classified as
	Moves        []domain.Progression
}

// Need is a role's requirement of a skill, as the planner keeps it: the role is the
// candidate's, and the planner's read names no source.
type Need struct {
	Skill             string
	Importance, Level float64
}

// Equal reports whether c and o hold the same role with the same edges. Lists they share
// (a read given the graph before keeps its copy) are equal without a look at each item.
func (c *Candidate) Equal(o *Candidate) bool {
	return c.Occupation == o.Occupation && sameList(c.Requirements, o.Requirements) &&
		sameList(c.Endorsements, o.Endorsements) && sameList(c.Tech, o.Tech) &&
		sameList(c.ClassifiedAs, o.ClassifiedAs) && sameList(c.Moves, o.Moves) &&
		reflect.DeepEqual(c.Role, o.Role)
}

// sameList reports whether a and b hold the same items: at once when they are one list.
func sameList[T comparable](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0] || slices.Equal(a, b))
}

// find is the candidate of g with the role id, nil when g is nil or has none. g's
// candidates are sorted by id, as every read leaves them.
func (g *PlannerGraph) find(id string) *Candidate {
	if g == nil {
		return nil
	}
	i, ok := slices.BinarySearchFunc(g.Candidates, id, func(c Candidate, id string) int { return cmp.Compare(c.Role.ID, id) })
	if !ok {
		return nil
	}
	return &g.Candidates[i]
}

// CertificationLinks is a certification with the skills it validates and the
// certifications that prepare for it.
type CertificationLinks struct {
	Certification domain.Certification
	Validates     []string
	Prerequisites []string
}

// PlannerGraph is everything the planner keeps in memory (see ReadPlannerGraph).
type PlannerGraph struct {
	Candidates []Candidate
	SkillNames map[string]string
	// Named are the skills a text can name, whole: curated skills and technologies, not
	// O*NET's rated elements (GENERAL_SKILL, KNOWLEDGE), which are abilities.
	Named          map[string]domain.Skill
	Certifications []CertificationLinks
	// Degrees is the most edges of each kind one node has (roleSkills, skillRoles, ...; see
	// cypher/degrees.cypher), for pricing nested lists.
	Degrees map[string]int
	// Problems are the records left out because they failed their check.
	Problems []domain.Problem
	prev     *PlannerGraph      // a graph read before, whose roles read again as they were are kept, while reading
	seen     map[string]bool    // ids read so far, while reading
	names    map[string]string  // the ids at edges' ends, each kept once, while reading
	ends     map[string]edgeEnd // the nodes edges can end at, by element id, while reading
	stampOf  map[string]int32   // the stamp of each id at edges' ends, while reading
	stamps   []uint32           // by stamp, the last edge list that ended at the id, while reading
	lists    uint32             // edge lists read so far, while reading
	strays   []strayEdge        // edges whose end is not in ends, while reading
}

// strayEdge is an edge whose end was not among the nodes read first: one of another label
// (looked up once all is read, to report it) or one written since.
type strayEdge struct{ kind, from, label, key string }

// edgeEnd is a node an edge can end at: its id property as read (any type, or nil), the
// same as kept (see intern; "" when it is not a string), and its labels.
type edgeEnd struct {
	raw    any
	id     string
	labels []any
	has    uint8 // which of plannerLabels it has, as bits
	stamp  int32 // the number of its id, under which the reader notes the last edge list that ended here
}

// ReadPlannerGraph reads every role, skill name and certification the planner needs. A
// role read as prev (a graph read before, or nil) holds it is prev's, shared rather than
// kept twice, so that reading the graph again costs little more memory than what changed.
// The skills and degrees, which name no edge's end, are read beside the nodes edges end
// at; once those are in, the certifications and the roles, these in parts of about equal
// size by id, each in its own read transaction, side by side (see readParts).
// Neo4j's transactions read what is committed as they go, one or several alike: a write
// landing meanwhile changes the graph's fingerprint, and the next refresh reads it again.
func (s *Store) ReadPlannerGraph(ctx context.Context, prev *PlannerGraph) (*PlannerGraph, error) {
	if err := s.connect(ctx); err != nil {
		return nil, err
	}
	g, skills := &PlannerGraph{}, &PlannerGraph{}
	var err, skillsErr error
	safe.Parallel(func() {
		skillsErr = s.readTx(ctx, func(tx neo4j.ManagedTransaction) error {
			*skills = PlannerGraph{SkillNames: map[string]string{}, Named: map[string]domain.Skill{}, Degrees: map[string]int{}}
			return s.readSkills(ctx, tx, skills)
		})
	}, func() {
		err = s.readTx(ctx, func(tx neo4j.ManagedTransaction) error {
			*g = PlannerGraph{prev: prev}
			return s.readEnds(ctx, tx, g, plannerNodesCypher, map[string]any{"ids": nil})
		})
		if err == nil {
			err = s.readParts(ctx, g)
		}
	})
	if err = errors.Join(skillsErr, err); err == nil && len(g.strays) > 0 {
		err = s.readTx(ctx, func(tx neo4j.ManagedTransaction) error { return s.reportStrays(ctx, tx, g) })
	}
	if err != nil {
		return nil, err
	}
	g.SkillNames, g.Named, g.Degrees = skills.SkillNames, skills.Named, skills.Degrees
	g.Problems = append(skills.Problems, g.Problems...)
	g.ends, g.stampOf, g.stamps, g.strays, g.prev = nil, nil, nil, nil, nil
	g.dropDangling()
	return g, nil
}

// readParts reads the certifications, and the roles in parts of about equal size (see
// partsFor) split at ids taken from the nodes read first, each in its own read
// transaction, side by side: Neo4j runs each statement on one core, and decoding the
// answer takes this process about as long. Each part checks its records as the whole
// would (on its own stamps; a role and its edges are always in one part), and g takes
// them in, the certifications' first, the roles sorted by id.
func (s *Store) readParts(ctx context.Context, g *PlannerGraph) error {
	ids := g.roleIDs()
	bounds := splitAt(ids, partsFor(len(ids)))
	part := func() *PlannerGraph {
		return &PlannerGraph{ends: g.ends, stamps: make([]uint32, len(g.stamps)), prev: g.prev}
	}
	parts := make([]*PlannerGraph, len(bounds)+2) // the certifications, then the roles
	errs := make([]error, len(parts))
	work := []func(){func() {
		errs[0] = s.readTx(ctx, func(tx neo4j.ManagedTransaction) error {
			parts[0] = part()
			return s.readCertifications(ctx, tx, parts[0])
		})
	}}
	for i := 1; i < len(parts); i++ {
		params := map[string]any{"ids": nil, "from": nil, "below": nil}
		if i > 1 {
			params["from"] = bounds[i-2]
		}
		if i-1 < len(bounds) {
			params["below"] = bounds[i-1]
		}
		work = append(work, func() {
			errs[i] = s.readTx(ctx, func(tx neo4j.ManagedTransaction) error {
				parts[i] = part()
				return s.readCandidates(ctx, tx, parts[i], params)
			})
		})
	}
	safe.Parallel(work...)
	if err := errors.Join(errs...); err != nil {
		return err
	}
	g.Certifications = parts[0].Certifications
	for _, p := range parts {
		g.Candidates = append(g.Candidates, p.Candidates...)
		g.Problems = append(g.Problems, p.Problems...)
		g.strays = append(g.strays, p.strays...)
	}
	slices.SortFunc(g.Candidates, func(a, b Candidate) int { return cmp.Compare(a.Role.ID, b.Role.ID) })
	return nil
}

// partsFor is how many parts readParts reads n roles in: one per processor (at most
// four), none smaller than minReadPart roles. Tests replace it.
var partsFor = func(n int) int { return max(1, min(runtime.GOMAXPROCS(0), 4, n/minReadPart)) }

// minReadPart is the fewest roles worth a part of their own: each part decodes beside
// the others, which raises the memory a read takes; at O*NET's size (1,031 roles) one
// statement reads them in about half a second.
const minReadPart = 4096

// roleIDs are the ids of the roles in g.ends, sorted, each once.
func (g *PlannerGraph) roleIDs() []string {
	var ids []string
	for _, e := range g.ends {
		if e.id != "" && e.has&labelBit("Role") != 0 {
			ids = append(ids, e.id)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// splitAt returns the ids, increasing, that split sorted ids into n parts of about equal
// size (fewer when there are fewer ids): a part holds the ids from one bound up to the
// next; none when n < 2.
func splitAt(ids []string, n int) []string {
	var bounds []string
	n = min(n, len(ids))
	for k := 1; k < n; k++ {
		if b := ids[k*len(ids)/n]; len(bounds) == 0 || b > bounds[len(bounds)-1] {
			bounds = append(bounds, b)
		}
	}
	return bounds
}

// readTx runs fn in a read transaction of its own, reading every record the server sends
// at once, within six times the usual timeout (the planner's statements read the whole
// graph).
func (s *Store) readTx(ctx context.Context, fn func(tx neo4j.ManagedTransaction) error) error {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager(), FetchSize: neo4j.FetchAll})
	defer session.Close(ctx)
	_, err := session.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) { return nil, fn(tx) },
		neo4j.WithTxTimeout(s.txTimeout*6))
	return translate(ctx, err)
}

// ReadPlannerRoles reads again, in one read transaction, the roles a change names (and,
// when it changed the catalog, every skill name, certification and degree), and returns
// prev with them in place: a role read replaces prev's of the same id or joins them, and
// one no longer there (or now rejected) leaves. The problems prev found in what is read
// again give way to those found now. prev is not changed, and its candidates are shared,
// not copied.
func (s *Store) ReadPlannerRoles(ctx context.Context, prev *PlannerGraph, change Change) (*PlannerGraph, error) {
	read := &PlannerGraph{}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager()})
	defer session.Close(ctx)
	_, err := session.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		*read = PlannerGraph{SkillNames: map[string]string{}, Named: map[string]domain.Skill{}, Degrees: map[string]int{}}
		return nil, s.readPlannerGraph(ctx, tx, read, nonNil(change.Roles), change.Catalog)
	}, neo4j.WithTxTimeout(s.txTimeout))
	if err = translate(ctx, err); err != nil {
		return nil, err
	}
	return prev.merge(read, change), nil
}

// merge returns g with what read holds again in place: the roles change names and, when
// it changed the catalog, the skill names, certifications and degrees.
func (g *PlannerGraph) merge(read *PlannerGraph, change Change) *PlannerGraph {
	changed := make(map[string]bool, len(change.Roles))
	for _, id := range change.Roles {
		changed[id] = true
	}
	out := &PlannerGraph{SkillNames: g.SkillNames, Named: g.Named, Certifications: g.Certifications, Degrees: g.raisedDegrees(read.Candidates),
		Candidates: make([]Candidate, 0, len(g.Candidates)+len(read.Candidates))}
	if change.Catalog {
		out.SkillNames, out.Named, out.Certifications, out.Degrees = read.SkillNames, read.Named, read.Certifications, read.Degrees
	}
	for _, c := range g.Candidates {
		if !changed[c.Role.ID] {
			out.Candidates = append(out.Candidates, c)
		}
	}
	out.Candidates = append(out.Candidates, read.Candidates...)
	slices.SortStableFunc(out.Candidates, func(a, b Candidate) int { return cmp.Compare(a.Role.ID, b.Role.ID) })
	for _, p := range g.Problems {
		if roleRecord[p.Kind] && !changed[p.From] || !roleRecord[p.Kind] && !change.Catalog {
			out.Problems = append(out.Problems, p)
		}
	}
	out.Problems = append(out.Problems, read.Problems...)
	// Edges of the roles read may end at roles, skills or certifications that are gone;
	// those kept were checked when read, and the nodes they end at are still there (a
	// delete is not a change told role by role).
	out.dropDanglingOf(func(c *Candidate) bool { return changed[c.Role.ID] }, change.Catalog)
	return out
}

// raisedDegrees are g's degrees raised to cover the roles read again: their own edge
// counts, and one more edge into a node for each of them. Until the next full read they
// may exceed the graph's (a removed edge lowers none), which only prices a nested list
// higher.
func (g *PlannerGraph) raisedDegrees(read []Candidate) map[string]int {
	out := maps.Clone(g.Degrees)
	if out == nil {
		out = map[string]int{}
	}
	for _, c := range read {
		for k, n := range map[string]int{"roleSkills": len(c.Requirements), "roleCertifications": len(c.Endorsements),
			"roleNext": len(c.Moves), "roleOccupations": len(c.ClassifiedAs), "roleTechnologies": len(c.Tech),
			"roleSources": len(c.Role.SourceIDs)} {
			out[k] = max(out[k], n)
		}
	}
	for _, k := range []string{"rolePrevious", "skillRoles", "certificationRoles"} {
		out[k] += len(read)
	}
	return out
}

// roleRecord holds the kinds of problem found in a role's record or its outgoing edges.
var roleRecord = map[string]bool{domain.RecordRole: true, domain.RecordRequirement: true,
	domain.RecordEndorsement: true, domain.RecordTechnology: true, domain.RecordClassification: true,
	domain.RecordMove: true}

// readPlannerGraph fills g from the planner's statements, read in tx. Every record is
// checked: one that fails is left out of g and reported in g.Problems (see check.go).
// ids, when not nil, limits the roles read to those; catalog reads the skill names,
// certifications and degrees too.
func (s *Store) readPlannerGraph(ctx context.Context, tx neo4j.ManagedTransaction, g *PlannerGraph, ids []string, catalog bool) error {
	params := map[string]any{"ids": nil, "from": nil, "below": nil}
	if ids != nil {
		params["ids"] = ids
	}
	nodes := plannerNodesCypher
	if ids != nil && !catalog {
		nodes = plannerRoleEndsCypher
	}
	if err := s.readEnds(ctx, tx, g, nodes, params); err != nil {
		return err
	}
	defer func() { g.ends, g.stampOf, g.stamps, g.strays = nil, nil, nil, nil }()
	err := s.readCandidates(ctx, tx, g, params)
	slices.SortFunc(g.Candidates, func(a, b Candidate) int { return cmp.Compare(a.Role.ID, b.Role.ID) })
	if err == nil && catalog {
		err = s.readCatalog(ctx, tx, g)
	}
	if err == nil && len(g.strays) > 0 {
		err = s.reportStrays(ctx, tx, g)
	}
	return err
}

// readCandidates reads candidates.cypher's roles into g.Candidates, unsorted.
func (s *Store) readCandidates(ctx context.Context, tx neo4j.ManagedTransaction, g *PlannerGraph, params map[string]any) error {
	return s.stream(ctx, tx, candidatesCypher, params, func(rec *neo4j.Record) error {
		if c, ok := g.candidate(rec); ok {
			if old := g.prev.find(c.Role.ID); old != nil && old.Equal(&c) {
				c = *old
			}
			g.Candidates = append(g.Candidates, c)
		}
		return nil
	})
}

// readCatalog reads every skill name, certification and degree into g.
func (s *Store) readCatalog(ctx context.Context, tx neo4j.ManagedTransaction, g *PlannerGraph) error {
	err := s.readSkills(ctx, tx, g)
	if err == nil {
		err = s.readCertifications(ctx, tx, g)
	}
	return err
}

// readSkills reads every skill name and degree into g.
func (s *Store) readSkills(ctx context.Context, tx neo4j.ManagedTransaction, g *PlannerGraph) error {
	err := s.stream(ctx, tx, plannerSkillsCypher, nil, func(rec *neo4j.Record) error {
		nodes, _, _ := neo4j.GetRecordValue[[]any](rec, "nodes")
		for _, n := range nodes {
			g.skillName(n)
		}
		return nil
	})
	if err == nil {
		err = s.stream(ctx, tx, degreesCypher, nil, func(rec *neo4j.Record) error {
			m, _, _ := neo4j.GetRecordValue[map[string]any](rec, "degrees")
			for k, v := range m {
				n, _ := v.(int64) // null on an empty graph: 0
				g.Degrees[k] = int(n)
			}
			return nil
		})
	}
	return err
}

// readCertifications reads every certification with its links into g.
func (s *Store) readCertifications(ctx context.Context, tx neo4j.ManagedTransaction, g *PlannerGraph) error {
	return s.stream(ctx, tx, plannerCertificationsCypher, nil, func(rec *neo4j.Record) error {
		if c, ok := g.certificationLinks(rec); ok {
			g.Certifications = append(g.Certifications, c)
		}
		return nil
	})
}

// reportStrays looks up the ends of g's stray edges and reports those that do not fit.
func (s *Store) reportStrays(ctx context.Context, tx neo4j.ManagedTransaction, g *PlannerGraph) error {
	keys := make([]string, len(g.strays))
	for i, e := range g.strays {
		keys[i] = e.key
	}
	if err := s.readEnds(ctx, tx, g, plannerNodesByKeyCypher, map[string]any{"keys": keys}); err != nil {
		return err
	}
	g.reportStrays()
	return nil
}

// readEnds adds the nodes of a statement's list (planner_nodes.cypher's form) to g.ends.
func (s *Store) readEnds(ctx context.Context, tx neo4j.ManagedTransaction, g *PlannerGraph, cypher string, params map[string]any) error {
	return s.stream(ctx, tx, cypher, params, func(rec *neo4j.Record) error {
		list, _, _ := neo4j.GetRecordValue[[]any](rec, "nodes")
		g.readEnds(list)
		return nil
	})
}
