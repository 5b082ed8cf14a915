package store

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/domain"
)

// Limits on what one property may hold; beyond them a value is TOO_LARGE.
const (
	maxText  = 100_000 // characters of one text
	maxList  = 10_000  // items of one list
	maxYears = 60.0    // years of experience or of a move
	maxPay   = 10_000_000.0
)

// props checks the properties of one record read from the graph. Neo4j keeps no
// property schema, so every value is checked like a request: a value that fails is left
// out (the zero value is returned) and a Problem names the record, the property and why.
type props struct {
	m        map[string]any
	keys     []string // with vals, the properties when m is nil: an edge's, read from a list
	vals     []any
	kind     string // domain.Record*
	from, to string // the record's id, or its edge's ends
	problems []domain.Problem
	badEnd   bool // the node at the edge's other end failed its check
}

// get is the property key's value, nil when absent.
func (p *props) get(key string) any {
	if p.m != nil {
		return p.m[key]
	}
	for i, k := range p.keys {
		if k == key {
			return p.vals[i]
		}
	}
	return nil
}

// end notes the node at an edge's other end: a node that failed its check takes the
// edge out of lists with it, as the planner leaves both out.
func end[T interface{ Bad() bool }](p *props, node T) T {
	if node.Bad() {
		p.badEnd = true
	}
	return node
}

func newProps(m map[string]any, kind, from, to string) *props {
	return &props{m: m, kind: kind, from: from, to: to}
}

// bad records a problem with property key, which fills the GraphQL field field.
func (p *props) bad(key, field, reason string, v any) {
	p.problems = append(p.problems, domain.Problem{Kind: p.kind, From: p.from, To: p.to, Property: key,
		Value: shown(v), Reason: reason, Field: field})
}

// Text requirements.
const (
	optional = iota // absent is fine
	present         // absent is a problem; "" is fine
	nonEmpty        // absent or "" is a problem
)

// text reads a string property.
func (p *props) text(key, field string, need int) string {
	switch v := p.get(key).(type) {
	case nil:
		if need != optional {
			p.bad(key, field, domain.ReasonMissing, nil)
		}
	case string:
		switch {
		case len(v) > maxText:
			p.bad(key, field, domain.ReasonTooLarge, v)
		case v == "" && need == nonEmpty:
			p.bad(key, field, domain.ReasonMissing, v)
		default:
			return v
		}
	default:
		p.bad(key, field, domain.ReasonWrongType, v)
	}
	return ""
}

// enum reads a string property that must be one of vocab.
func (p *props) enum(key, field string, vocab []string, need bool) string {
	mode := optional
	if need {
		mode = nonEmpty
	}
	v := p.text(key, field, mode)
	if v != "" && !slices.Contains(vocab, v) {
		p.bad(key, field, domain.ReasonUnknownValue, v)
		return ""
	}
	return v
}

// num reads a number property within [lo, hi]; ok is false when it is absent or bad.
func (p *props) num(key, field string, lo, hi float64, need bool) (f float64, ok bool) {
	switch v := p.get(key).(type) {
	case nil:
		if need {
			p.bad(key, field, domain.ReasonMissing, nil)
		}
		return 0, false
	case float64:
		f = v
	case int64:
		f = float64(v)
	default:
		p.bad(key, field, domain.ReasonWrongType, v)
		return 0, false
	}
	if math.IsNaN(f) || f < lo || f > hi {
		p.bad(key, field, domain.ReasonOutOfRange, f)
		return 0, false
	}
	return f, true
}

// whole reads a whole-number property within [lo, hi].
func (p *props) whole(key, field string, lo, hi float64, need bool) (int, bool) {
	f, ok := p.num(key, field, lo, hi, need)
	if ok && f != math.Trunc(f) {
		p.bad(key, field, domain.ReasonWrongType, f)
		return 0, false
	}
	return int(f), ok
}

// texts reads a list of strings; an absent list is an empty one.
func (p *props) texts(key, field string) []string {
	switch raw := p.get(key).(type) {
	case nil:
		return []string{}
	case []any:
		if len(raw) > maxList {
			p.bad(key, field, domain.ReasonTooLarge, fmt.Sprintf("a list of %d items", len(raw)))
			return []string{}
		}
		out := make([]string, 0, len(raw))
		for _, v := range raw {
			s, ok := v.(string)
			if !ok || len(s) > maxText {
				p.bad(key, field, domain.ReasonWrongType, raw)
				return []string{}
			}
			out = append(out, s)
		}
		return out
	default:
		p.bad(key, field, domain.ReasonWrongType, raw)
		return []string{}
	}
}

// flag reads a boolean property; absent is false.
func (p *props) flag(key, field string) bool {
	switch v := p.get(key).(type) {
	case nil:
		return false
	case bool:
		return v
	default:
		p.bad(key, field, domain.ReasonWrongType, v)
		return false
	}
}

// shown is a value as a curator reads it in a problem report, shortened.
func shown(v any) string {
	if v == nil {
		return "null"
	}
	var s string
	switch v := v.(type) {
	case string:
		s = strconv.Quote(v)
	case float64:
		s = strconv.FormatFloat(v, 'g', -1, 64)
	case []any:
		s = fmt.Sprint(v)
	default:
		s = fmt.Sprintf("%v (%T)", v, v)
	}
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return strings.ToValidUTF8(s, "")
}

// nodeID reads a node's id before anything else, so that its problems can name it.
func nodeID(m map[string]any) string {
	id, _ := m["id"].(string)
	return id
}

func decodeRole(m map[string]any) domain.Role {
	p := newProps(m, domain.RecordRole, nodeID(m), "")
	r := domain.Role{
		ID: p.text("id", "id", nonEmpty), Title: p.text("title", "title", nonEmpty),
		AlternateTitles: p.texts("alternateTitles", "alternateTitles"),
		Track:           p.enum("track", "track", domain.Tracks, true), Level: p.enum("level", "level", domain.RoleLevels, true),
		Education: p.text("education", "education", optional), Summary: p.text("summary", "summary", present),
		Duties: p.texts("duties", "duties"), SourceIDs: p.texts("sources", "sources"),
	}
	r.Experience = roleYears(p)
	r.JobZone, _ = p.whole("jobZone", "jobZone", 1, 5, false)
	if _, ok := m["socCode"]; ok {
		if code := p.text("socCode", "socCodes", nonEmpty); code != "" {
			r.SocCodes = []string{code}
		}
	} else {
		r.SocCodes = p.texts("socCodes", "socCodes")
	}
	if m["salaryMin"] != nil || m["salaryMax"] != nil {
		r.Salary = roleSalary(p)
	}
	p.text("origin", "", optional)
	r.Problems = p.problems
	return r
}

func roleYears(p *props) domain.Years {
	lo, ok := p.num("experienceMin", "experience", 0, maxYears, true)
	y := domain.Years{Min: lo}
	if hi, hasMax := p.num("experienceMax", "experience", 0, maxYears, false); hasMax {
		if ok && hi < lo {
			p.bad("experienceMax", "experience", domain.ReasonOutOfRange, hi)
		} else {
			y.Max = &hi
		}
	}
	return y
}

func roleSalary(p *props) *domain.Salary {
	lo, okLo := p.whole("salaryMin", "salary", 0, maxPay, true)
	hi, okHi := p.whole("salaryMax", "salary", 0, maxPay, true)
	if okLo && okHi && hi < lo {
		p.bad("salaryMax", "salary", domain.ReasonOutOfRange, float64(hi))
		okHi = false
	}
	s := &domain.Salary{Min: lo, Max: hi, Currency: p.text("salaryCurrency", "salary", nonEmpty),
		SourceID: p.text("salarySource", "salary", optional), Note: p.text("salaryNote", "salary", optional)}
	if !okLo || !okHi || s.Currency == "" {
		return nil
	}
	return s
}

func decodeSkill(m map[string]any) domain.Skill {
	p := newProps(m, domain.RecordSkill, nodeID(m), "")
	s := domain.Skill{ID: p.text("id", "id", nonEmpty), Name: p.text("name", "name", nonEmpty),
		Category:    p.enum("category", "category", domain.SkillCategories, true),
		Description: p.text("description", "description", present), SourceIDs: p.texts("sources", "sources")}
	s.Problems = p.problems
	return s
}

func decodeCertification(m map[string]any) domain.Certification {
	p := newProps(m, domain.RecordCertification, nodeID(m), "")
	c := domain.Certification{ID: p.text("id", "id", nonEmpty), Name: p.text("name", "name", nonEmpty),
		Vendor: p.text("vendor", "vendor", nonEmpty), Level: p.enum("level", "level", domain.CertificationLevels, true),
		Domain: p.text("domain", "domain", present), Description: p.text("description", "description", present),
		SourceIDs: p.texts("sources", "sources")}
	c.Problems = p.problems
	return c
}

func decodeSource(m map[string]any) domain.Source {
	p := newProps(m, "", nodeID(m), "")
	return domain.Source{ID: p.text("id", "id", nonEmpty), Title: p.text("title", "title", optional),
		URL: p.text("url", "url", optional), License: p.text("license", "license", optional),
		Attribution: p.text("attribution", "attribution", optional)}
}

// The encoders turn dataset entries into the property maps the import statements SET.

func roleRow(r domain.Role) map[string]any {
	row := map[string]any{
		"id": r.ID, "title": r.Title, "alternateTitles": nonNil(r.AlternateTitles),
		"alternateTitlesText": strings.Join(r.AlternateTitles, " | "),
		"track":               r.Track, "level": r.Level, "levelRank": domain.LevelRank(r.Level),
		"experienceMin": r.Experience.Min, "education": r.Education, "summary": r.Summary,
		"duties": nonNil(r.Duties), "sources": nonNil(r.SourceIDs), "origin": "curated",
		"socCodes": nonNil(r.SocCodes),
	}
	if r.Experience.Max != nil {
		row["experienceMax"] = *r.Experience.Max
	}
	if s := r.Salary; s != nil {
		row["salaryMin"], row["salaryMax"], row["salaryCurrency"] = s.Min, s.Max, s.Currency
		row["salarySource"], row["salaryNote"] = s.SourceID, s.Note
	}
	return row
}

func skillRow(s domain.Skill) map[string]any {
	return map[string]any{"id": s.ID, "name": s.Name, "category": s.Category,
		"description": s.Description, "sources": nonNil(s.SourceIDs), "origin": "curated"}
}

func certificationRow(c domain.Certification) map[string]any {
	return map[string]any{"id": c.ID, "name": c.Name, "vendor": c.Vendor, "level": c.Level,
		"levelRank": certificationLevelRank(c.Level), "domain": c.Domain, "description": c.Description,
		"sources": nonNil(c.SourceIDs), "origin": "curated"}
}

func sourceRow(s domain.Source) map[string]any {
	return map[string]any{"id": s.ID, "title": s.Title, "url": s.URL, "license": s.License, "attribution": s.Attribution}
}

func certificationLevelRank(level string) int {
	for i, l := range domain.CertificationLevels {
		if l == level {
			return i + 1
		}
	}
	return 0
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// value reads one column of a record as a T.
func value[T neo4j.RecordValue](rec *neo4j.Record, key string) (T, error) {
	v, isNil, err := neo4j.GetRecordValue[T](rec, key)
	if err != nil {
		return v, fmt.Errorf("store: column %s: %w", key, err)
	}
	if isNil {
		return v, fmt.Errorf("store: column %s is null", key)
	}
	return v, nil
}

// column reads a node's property map from one column of a record and decodes it.
func column[T any](rec *neo4j.Record, key string, decode func(map[string]any) T) (T, error) {
	m, err := value[map[string]any](rec, key)
	if err != nil {
		var zero T
		return zero, err
	}
	return decode(m), nil
}
