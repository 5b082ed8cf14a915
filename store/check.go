package store

import (
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/domain"
)

// The planner's records are checked as they are read: a role, skill or certification
// with any problem is left out with its edges; an edge with a problem (a property
// missing, mistyped or out of range, an end without an id or with the wrong label, a
// second edge to the same end) is left out alone; and once all is read, edges whose end
// was left out are dropped too, so that nothing rejected reaches an answer.

// Scales of the requirement edge (O*NET's): importance 1–5, level 0–7.
const (
	minImportance, maxImportance = 1.0, 5.0
	minLevel, maxLevel           = 0.0, 7.0
)

// reject records problems; it reports whether there were none.
func (g *PlannerGraph) reject(problems []domain.Problem) bool {
	g.Problems = append(g.Problems, problems...)
	return len(problems) == 0
}

// candidate reads one record of candidates.cypher.
func (g *PlannerGraph) candidate(rec *neo4j.Record) (Candidate, bool) {
	m, _, _ := neo4j.GetRecordValue[map[string]any](rec, "role")
	role := decodeRole(m)
	if !g.reject(role.Problems) || !g.unique(domain.RecordRole, role.ID) {
		return Candidate{}, false
	}
	c := Candidate{Role: role, Occupation: m["origin"] == "onet"}
	from := role.ID
	reqs, _, _ := neo4j.GetRecordValue[[]any](rec, "requires")
	if len(reqs) > 0 {
		c.Requirements = make([]Need, 0, len(reqs)) // the largest list: grown once
	}
	g.edgeList(reqs, domain.RecordRequirement, from, "Skill", []string{"importance", "level"}, func(to string, p *props) {
		imp, _ := p.num("importance", "importance", minImportance, maxImportance, true)
		lvl, _ := p.num("level", "level", minLevel, maxLevel, true)
		if g.reject(p.problems) {
			c.Requirements = append(c.Requirements, Need{Skill: to, Importance: imp, Level: lvl})
		}
	})
	g.edges(rec, "values", domain.RecordEndorsement, from, "Certification", []string{"relevance"}, func(to string, p *props) {
		rel := p.enum("relevance", "relevance", domain.Relevances, true)
		if g.reject(p.problems) {
			c.Endorsements = append(c.Endorsements, domain.Endorsement{Role: from, Certification: to, Relevance: rel})
		}
	})
	g.edges(rec, "tech", domain.RecordTechnology, from, "Skill", nil, func(to string, p *props) {
		if g.reject(p.problems) {
			c.Tech = append(c.Tech, to)
		}
	})
	g.edges(rec, "classifiedAs", domain.RecordClassification, from, "Role", nil, func(to string, p *props) {
		if g.reject(p.problems) {
			c.ClassifiedAs = append(c.ClassifiedAs, to)
		}
	})
	g.edges(rec, "moves", domain.RecordMove, from, "Role", []string{"kind", "typicalYears", "source"}, func(to string, p *props) {
		mv := domain.Progression{From: from, To: to, Kind: p.enum("kind", "kind", domain.ProgressionKinds, true),
			SourceID: p.text("source", "source", optional)}
		mv.TypicalYears, _ = p.num("typicalYears", "typicalYears", 0, maxYears, true)
		if g.reject(p.problems) {
			c.Moves = append(c.Moves, mv)
		}
	})
	return c, true
}

// edges reads one column of edges, each a list of its end's element id and the
// properties named by keys; it checks that the end has an id and the label the edge type
// joins, and calls fn with the end's id and the properties to check. A second edge to the
// same end is a DUPLICATE.
func (g *PlannerGraph) edges(rec *neo4j.Record, column, kind, from, label string, keys []string, fn func(to string, p *props)) {
	raw, _, _ := neo4j.GetRecordValue[[]any](rec, column)
	g.edgeList(raw, kind, from, label, keys, fn)
}

// edgeList is edges over one column's value. An edge whose end is not in g.ends is a
// stray, left out: reported once its end is read (see reportStrays) when that end has
// another label, and silently when it was written after the ends were read.
func (g *PlannerGraph) edgeList(raw []any, kind, from, label string, keys []string, fn func(to string, p *props)) {
	g.lists++
	p := &props{} // one edge's at a time: fn keeps none
	for _, e := range raw {
		f, _ := e.([]any)
		var key string
		if len(f) == 1+len(keys) {
			key, _ = f[0].(string)
		}
		if key == "" {
			g.reject([]domain.Problem{{Kind: kind, From: from, Value: shown(e), Reason: domain.ReasonWrongType}})
			continue
		}
		n, ok := g.ends[key]
		if !ok {
			g.strays = append(g.strays, strayEdge{kind, from, label, key})
			continue
		}
		*p = props{keys: keys, vals: f[1:], kind: kind, from: from, to: n.id}
		if n.fits(p, label) && g.stamps[n.stamp] == g.lists {
			p.bad("", "", domain.ReasonDuplicate, nil)
		}
		g.stamps[n.stamp] = g.lists
		fn(n.id, p)
	}
}

// fits reports whether the node can end an edge whose type joins label, and notes on p why
// not: it has no id, or not the label.
func (n edgeEnd) fits(p *props, label string) bool {
	switch {
	case n.id == "":
		p.bad("id", "", domain.ReasonMissing, n.raw)
	case n.has&labelBit(label) == 0:
		p.bad("", "", domain.ReasonWrongLabel, n.labels)
	default:
		return true
	}
	return false
}

// reportStrays reports the stray edges whose end is now in g.ends and does not fit them;
// one whose end is not there (deleted since) or fits (labelled since) was written after
// the read began, which the graph's fingerprint catches.
func (g *PlannerGraph) reportStrays() {
	for _, e := range g.strays {
		if n, ok := g.ends[e.key]; ok {
			p := newProps(nil, e.kind, e.from, n.id)
			n.fits(p, e.label)
			g.reject(p.problems)
		}
	}
}

// readEnds reads a list of planner_nodes.cypher's form into g.ends; a malformed entry is
// skipped (an edge ending at it is then left out as one to a node not there).
func (g *PlannerGraph) readEnds(list []any) {
	if g.ends == nil {
		g.ends = make(map[string]edgeEnd, len(list))
	}
	if g.stampOf == nil {
		g.stampOf = map[string]int32{}
	}
	for _, x := range list {
		f, _ := x.([]any)
		if len(f) != 3 {
			continue
		}
		key, _ := f[0].(string)
		labels, _ := f[2].([]any)
		id, _ := f[1].(string)
		stamp, ok := g.stampOf[id] // nodes that share an id share a stamp: a second edge to the id is a duplicate
		if !ok {
			stamp = int32(len(g.stampOf))
			g.stampOf[id] = stamp
			g.stamps = append(g.stamps, 0)
		}
		var has uint8
		for _, l := range labels {
			if l, ok := l.(string); ok {
				has |= labelBit(l)
			}
		}
		g.ends[key] = edgeEnd{raw: f[1], id: g.intern(id), labels: labels, has: has, stamp: stamp}
	}
}

// plannerLabels are the labels the planner's edges join, in the order of edgeEnd.has's bits.
var plannerLabels = [...]string{"Role", "Skill", "Certification"}

// labelBit is label's bit in edgeEnd.has; 0 for any other label.
func labelBit(label string) uint8 {
	for i, l := range plannerLabels {
		if l == label {
			return 1 << i
		}
	}
	return 0
}

// intern returns the one copy of id kept while reading, so that the many edges ending at
// one skill or role share its id instead of each holding the copy the driver decoded.
func (g *PlannerGraph) intern(id string) string {
	if g.names == nil {
		g.names = map[string]string{}
	}
	if s, ok := g.names[id]; ok {
		return s
	}
	g.names[id] = id
	return id
}

// unique reports whether id is seen for the first time among records of kind, and
// rejects it as a DUPLICATE otherwise.
func (g *PlannerGraph) unique(kind, id string) bool {
	if g.seen == nil {
		g.seen = map[string]bool{}
	}
	key := kind + " " + id
	if g.seen[key] {
		g.reject([]domain.Problem{{Kind: kind, From: id, Property: "id", Value: shown(id), Reason: domain.ReasonDuplicate}})
		return false
	}
	g.seen[key] = true
	return true
}

// skillName reads one skill of planner_skills.cypher's list; anything but a map is a
// skill without its properties, rejected as such.
func (g *PlannerGraph) skillName(node any) {
	m, _ := node.(map[string]any)
	sk := decodeSkill(m)
	if g.reject(sk.Problems) && g.unique(domain.RecordSkill, sk.ID) {
		g.SkillNames[sk.ID] = sk.Name
		if sk.Category != "GENERAL_SKILL" && sk.Category != "KNOWLEDGE" {
			g.Named[sk.ID] = sk
		}
	}
}

// certificationLinks reads one record of planner_certifications.cypher.
func (g *PlannerGraph) certificationLinks(rec *neo4j.Record) (CertificationLinks, bool) {
	m, _, _ := neo4j.GetRecordValue[map[string]any](rec, "node")
	cert := decodeCertification(m)
	if !g.reject(cert.Problems) || !g.unique(domain.RecordCertification, cert.ID) {
		return CertificationLinks{}, false
	}
	out := CertificationLinks{Certification: cert}
	g.edges(rec, "validates", domain.RecordValidation, cert.ID, "Skill", nil, func(to string, p *props) {
		if g.reject(p.problems) {
			out.Validates = append(out.Validates, to)
		}
	})
	g.edges(rec, "prerequisites", domain.RecordPrerequisite, cert.ID, "Certification", nil, func(to string, p *props) {
		if g.reject(p.problems) {
			// The edge runs from the prerequisite to this certification.
			out.Prerequisites = append(out.Prerequisites, to)
		}
	})
	return out, true
}

// dropDangling leaves out the edges whose other end was left out (or is not there).
func (g *PlannerGraph) dropDangling() { g.dropDanglingOf(func(*Candidate) bool { return true }, true) }

// dropDanglingOf is dropDangling for the edges of the candidates mine accepts, and, with
// certs, of every certification. A list it filters is copied, never changed in place: it
// may be shared with a graph read before (see ReadPlannerGraph).
func (g *PlannerGraph) dropDanglingOf(mine func(*Candidate) bool, certs bool) {
	roles := make(map[string]bool, len(g.Candidates))
	for _, c := range g.Candidates {
		roles[c.Role.ID] = true
	}
	certIDs := make(map[string]bool, len(g.Certifications))
	for _, c := range g.Certifications {
		certIDs[c.Certification.ID] = true
	}
	skill := func(id string) bool { _, ok := g.SkillNames[id]; return ok }
	for i := range g.Candidates {
		c := &g.Candidates[i]
		if !mine(c) {
			continue
		}
		c.Requirements = keep(c.Requirements, func(r Need) bool { return skill(r.Skill) })
		c.Endorsements = keep(c.Endorsements, func(e domain.Endorsement) bool { return certIDs[e.Certification] })
		c.Tech = keep(c.Tech, skill)
		c.ClassifiedAs = keep(c.ClassifiedAs, func(id string) bool { return roles[id] })
		c.Moves = keep(c.Moves, func(m domain.Progression) bool { return roles[m.To] })
	}
	for i := range g.Certifications {
		if c := &g.Certifications[i]; certs {
			c.Validates = keep(c.Validates, skill)
			c.Prerequisites = keep(c.Prerequisites, func(id string) bool { return certIDs[id] })
		}
	}
	g.seen, g.names = nil, nil
}

// keep returns the items of s that ok accepts: s itself when it accepts all, else a copy.
func keep[T any](s []T, ok func(T) bool) []T {
	for i, v := range s {
		if !ok(v) {
			out := slices.Clone(s[:i])
			for _, v := range s[i+1:] {
				if ok(v) {
					out = append(out, v)
				}
			}
			return out
		}
	}
	return s
}
