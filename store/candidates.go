package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/domain"
)

// Candidate is a role with what it requires, values and uses, and where it leads.
type Candidate struct {
	Role         domain.Role
	Occupation   bool // an O*NET occupation rather than a curated role
	Requirements []domain.Requirement
	Endorsements []domain.Endorsement
	Tech         []string // technologies used (O*NET occupations)
	ClassifiedAs []string // the O*NET occupations a curated role is classified as
	Moves        []domain.Progression
}

// CertificationLinks is a certification with the skills it validates and the
// certifications that prepare for it.
type CertificationLinks struct {
	Certification domain.Certification
	Validates     []string
	Prerequisites []string
}

// PlannerGraph is everything the planner keeps in memory, read in one transaction.
type PlannerGraph struct {
	Fingerprint    string // see Fingerprint
	Candidates     []Candidate
	SkillNames     map[string]string
	Certifications []CertificationLinks
	// Degrees is the most edges of each kind one node has (roleSkills, skillRoles, ...; see
	// cypher/degrees.cypher), for pricing nested lists.
	Degrees map[string]int
}

// ReadPlannerGraph reads every role, skill name and certification the planner needs, in
// one read transaction, with the graph's fingerprint at that moment.
func (s *Store) ReadPlannerGraph(ctx context.Context) (*PlannerGraph, error) {
	g := &PlannerGraph{SkillNames: map[string]string{}}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager()})
	defer session.Close(ctx)
	version := ""
	_, err := session.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		*g = PlannerGraph{SkillNames: map[string]string{}, Degrees: map[string]int{}}
		if err := s.stream(ctx, tx, graphVersionCypher, func(rec *neo4j.Record) (err error) {
			version, err = value[string](rec, "version")
			return err
		}); err != nil {
			return nil, err
		}
		return nil, s.readPlannerGraph(ctx, tx, g)
	}, neo4j.WithTxTimeout(s.txTimeout*6))
	if err = translate(ctx, err); err != nil {
		return nil, err
	}
	g.Fingerprint = version + " " + strings.Join(session.LastBookmarks(), ",")
	return g, nil
}

// readPlannerGraph fills g from the planner's statements, read in tx.
func (s *Store) readPlannerGraph(ctx context.Context, tx neo4j.ManagedTransaction, g *PlannerGraph) error {
	err := s.stream(ctx, tx, candidatesCypher, func(rec *neo4j.Record) error {
		c, err := decodeCandidate(rec)
		g.Candidates = append(g.Candidates, c)
		return err
	})
	if err == nil {
		err = s.stream(ctx, tx, plannerSkillsCypher, func(rec *neo4j.Record) error {
			id, err := value[string](rec, "id")
			name, _, _ := neo4j.GetRecordValue[string](rec, "name")
			g.SkillNames[id] = name
			return err
		})
	}
	if err == nil {
		err = s.stream(ctx, tx, plannerCertificationsCypher, func(rec *neo4j.Record) error {
			c, err := decodeCertificationLinks(rec)
			g.Certifications = append(g.Certifications, c)
			return err
		})
	}
	if err == nil {
		err = s.stream(ctx, tx, degreesCypher, func(rec *neo4j.Record) error {
			m, err := value[map[string]any](rec, "degrees")
			for k, v := range m {
				n, _ := v.(int64) // null on an empty graph: 0
				g.Degrees[k] = int(n)
			}
			return err
		})
	}
	return err
}

func decodeCandidate(rec *neo4j.Record) (Candidate, error) {
	role, err := column(rec, "role", decodeRole)
	if err != nil {
		return Candidate{}, err
	}
	c := Candidate{Role: role}
	if c.Requirements, err = requirementLists(rec, role.ID); err != nil {
		return Candidate{}, err
	}
	occ, _ := rec.Get("occupation")
	c.Occupation = occ == true
	if c.Tech, err = stringList(rec, "tech"); err != nil {
		return Candidate{}, err
	}
	if c.ClassifiedAs, err = stringList(rec, "classifiedAs"); err != nil {
		return Candidate{}, err
	}
	vals, err := stringList(rec, "values")
	if err != nil {
		return Candidate{}, err
	}
	for _, v := range vals {
		cert, relevance, _ := strings.Cut(v, " ")
		c.Endorsements = append(c.Endorsements, domain.Endorsement{Role: role.ID, Certification: cert, Relevance: relevance})
	}
	moves, err := value[[]any](rec, "moves")
	if err != nil {
		return Candidate{}, err
	}
	for _, m := range moves {
		f, ok := m.([]any)
		if !ok || len(f) != 4 {
			return Candidate{}, fmt.Errorf("store: column moves holds %v", m)
		}
		years, _ := strconv.ParseFloat(fmt.Sprint(f[2]), 64)
		c.Moves = append(c.Moves, domain.Progression{From: role.ID, To: fmt.Sprint(f[0]), Kind: fmt.Sprint(f[1]),
			TypicalYears: years, SourceID: fmt.Sprint(f[3])})
	}
	return c, nil
}

func decodeCertificationLinks(rec *neo4j.Record) (CertificationLinks, error) {
	c, err := column(rec, "node", decodeCertification)
	if err != nil {
		return CertificationLinks{}, err
	}
	out := CertificationLinks{Certification: c}
	if out.Validates, err = stringList(rec, "validates"); err != nil {
		return CertificationLinks{}, err
	}
	out.Prerequisites, err = stringList(rec, "prerequisites")
	return out, err
}

// stringList decodes a column holding a list of strings.
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
func requirementLists(rec *neo4j.Record, roleID string) ([]domain.Requirement, error) {
	var cols [3][]any
	for i, k := range []string{"skills", "importance", "levels"} {
		v, err := value[[]any](rec, k)
		if err != nil {
			return nil, err
		}
		cols[i] = v
	}
	out := make([]domain.Requirement, len(cols[0]))
	for i := range cols[0] {
		p := &props{m: map[string]any{"skill": cols[0][i], "importance": cols[1][i], "level": cols[2][i]}}
		out[i] = domain.Requirement{Role: roleID, Skill: p.str("skill"), Importance: p.f64("importance"), Level: p.f64("level")}
		if p.err != nil {
			return nil, p.err
		}
	}
	return out, nil
}
