package store

import (
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/domain"
)

// props reads node and edge property maps, remembering the first type mismatch so that
// a decoder can check once at the end instead of after every field.
type props struct {
	m   map[string]any
	err error
}

func (p *props) str(k string) string {
	v, _ := p.m[k].(string)
	return v
}

func (p *props) f64(k string) float64 {
	switch v := p.m[k].(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	case nil:
		return 0
	default:
		p.fail(k, v)
		return 0
	}
}

func (p *props) optF64(k string) *float64 {
	if p.m[k] == nil {
		return nil
	}
	v := p.f64(k)
	return &v
}

func (p *props) strs(k string) []string {
	raw, _ := p.m[k].([]any)
	out := make([]string, 0, len(raw))
	for _, v := range raw {
		s, ok := v.(string)
		if !ok {
			p.fail(k, v)
		}
		out = append(out, s)
	}
	return out
}

func (p *props) fail(k string, v any) {
	if p.err == nil {
		p.err = fmt.Errorf("store: property %s has unexpected type %T", k, v)
	}
}

func decodeRole(m map[string]any) (domain.Role, error) {
	p := &props{m: m}
	r := domain.Role{
		ID: p.str("id"), Title: p.str("title"), AlternateTitles: p.strs("alternateTitles"),
		Track: p.str("track"), Level: p.str("level"),
		Experience: domain.Years{Min: p.f64("experienceMin"), Max: p.optF64("experienceMax")},
		Education:  p.str("education"), Summary: p.str("summary"), Duties: p.strs("duties"),
		SourceIDs: p.strs("sources"), JobZone: int(p.f64("jobZone")),
	}
	if code := p.str("socCode"); code != "" {
		r.SocCodes = []string{code}
	} else {
		r.SocCodes = p.strs("socCodes")
	}
	if m["salaryMin"] != nil {
		r.Salary = &domain.Salary{Min: int(p.f64("salaryMin")), Max: int(p.f64("salaryMax")),
			Currency: p.str("salaryCurrency"), SourceID: p.str("salarySource"), Note: p.str("salaryNote")}
	}
	return r, p.err
}

func decodeSkill(m map[string]any) (domain.Skill, error) {
	p := &props{m: m}
	return domain.Skill{ID: p.str("id"), Name: p.str("name"), Category: p.str("category"),
		Description: p.str("description"), SourceIDs: p.strs("sources")}, p.err
}

func decodeCertification(m map[string]any) (domain.Certification, error) {
	p := &props{m: m}
	return domain.Certification{ID: p.str("id"), Name: p.str("name"), Vendor: p.str("vendor"),
		Level: p.str("level"), Domain: p.str("domain"), Description: p.str("description"),
		SourceIDs: p.strs("sources")}, p.err
}

func decodeSource(m map[string]any) (domain.Source, error) {
	p := &props{m: m}
	return domain.Source{ID: p.str("id"), Title: p.str("title"), URL: p.str("url"), License: p.str("license"),
		Attribution: p.str("attribution")}, p.err
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
func column[T any](rec *neo4j.Record, key string, decode func(map[string]any) (T, error)) (T, error) {
	m, err := value[map[string]any](rec, key)
	if err != nil {
		var zero T
		return zero, err
	}
	return decode(m)
}
