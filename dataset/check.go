package dataset

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/careergraph/careergraph/domain"
)

var slug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
var currency = regexp.MustCompile(`^[A-Z]{3}$`)
var socCode = regexp.MustCompile(`^\d{2}-\d{4}\.\d{2}$`)

// checker collects problems; at names the entry being checked.
type checker struct {
	problems  []error
	ids       map[string]string // node id -> kind, for every role, skill and certification
	sources   map[string]bool
	looseRefs bool // checking one entry: references are the store's to check
}

func (c *checker) fail(at, field, format string, args ...any) {
	c.problems = append(c.problems, fmt.Errorf("%s: %s: %s", at, field, fmt.Sprintf(format, args...)))
}

// check returns every problem in ds: bad or duplicate ids, dangling references,
// unknown enum values and impossible numbers.
func check(ds *domain.Dataset) []error {
	c := &checker{ids: map[string]string{}, sources: map[string]bool{}}
	for i, s := range ds.Sources {
		at := fmt.Sprintf("sources[%d] %q", i, s.ID)
		if !slug.MatchString(s.ID) {
			c.fail(at, "id", "must be a slug of lower-case letters, digits and dashes")
		} else if c.sources[s.ID] {
			c.fail(at, "id", "duplicate source id")
		}
		c.sources[s.ID] = true
		c.text(at, "title", s.Title)
	}
	c.registerIDs(ds)
	for _, r := range ds.Roles {
		c.role(r)
	}
	for _, s := range ds.Skills {
		c.skill(s)
	}
	for _, cert := range ds.Certifications {
		c.certification(cert)
	}
	c.edges(ds)
	return c.problems
}

func (c *checker) registerIDs(ds *domain.Dataset) {
	add := func(kind string, i int, id string) {
		at := fmt.Sprintf("%s[%d] %q", kind, i, id)
		switch prev, seen := c.ids[id]; {
		case !slug.MatchString(id):
			c.fail(at, "id", "must be a slug of lower-case letters, digits and dashes")
		case reservedID(id):
			c.fail(at, "id", "ids starting onet- or tech- are kept for imported O*NET data")
		case seen:
			c.fail(at, "id", "duplicate id (already used in %s); ids are unique across roles, skills and certifications", prev)
		default:
			c.ids[id] = kind
		}
	}
	for i, r := range ds.Roles {
		add("roles", i, r.ID)
	}
	for i, s := range ds.Skills {
		add("skills", i, s.ID)
	}
	for i, cert := range ds.Certifications {
		add("certifications", i, cert.ID)
	}
}

func (c *checker) role(r domain.Role) {
	at := fmt.Sprintf("roles %q", r.ID)
	c.text(at, "title", r.Title)
	c.text(at, "summary", r.Summary)
	c.enum(at, "track", r.Track, domain.Tracks)
	c.enum(at, "level", r.Level, domain.RoleLevels)
	c.sourceList(at, r.SourceIDs)
	for _, code := range r.SocCodes {
		if !socCode.MatchString(code) {
			c.fail(at, "socCodes", "%q is not an O*NET-SOC code such as 15-1244.00", code)
		}
	}
	if r.Experience.Min < 0 {
		c.fail(at, "experience.min", "%v years is negative", r.Experience.Min)
	}
	if m := r.Experience.Max; m != nil && *m < r.Experience.Min {
		c.fail(at, "experience.max", "%v years is below experience.min %v", *m, r.Experience.Min)
	}
	if lo, hi, ok := levelYears(r.Level); ok && (r.Experience.Min < lo || r.Experience.Min >= hi) {
		c.fail(at, "experience.min", "%v years does not fit level %s, which starts at %v to %v years (the guide: 0–3 entry and junior, 3–6 mid-level, 6+ senior)",
			r.Experience.Min, r.Level, lo, hi)
	}
	if s := r.Salary; s != nil {
		if s.Min <= 0 {
			c.fail(at, "salary.min", "%d must be positive", s.Min)
		}
		if s.Min > s.Max {
			c.fail(at, "salary.min", "%d is above salary.max %d", s.Min, s.Max)
		}
		if !currency.MatchString(s.Currency) {
			c.fail(at, "salary.currency", "%q is not a three-letter ISO 4217 code such as USD", s.Currency)
		}
		c.source(at, "salary.source", s.SourceID)
	}
}

func (c *checker) skill(s domain.Skill) {
	at := fmt.Sprintf("skills %q", s.ID)
	c.text(at, "name", s.Name)
	c.enum(at, "category", s.Category, domain.SkillCategories)
	c.text(at, "description", s.Description)
	c.sourceList(at, s.SourceIDs)
}

func (c *checker) certification(cert domain.Certification) {
	at := fmt.Sprintf("certifications %q", cert.ID)
	c.text(at, "name", cert.Name)
	c.text(at, "vendor", cert.Vendor)
	c.text(at, "domain", cert.Domain)
	c.enum(at, "level", cert.Level, domain.CertificationLevels)
	c.sourceList(at, cert.SourceIDs)
	if len(cert.Validates) == 0 {
		c.fail(at, "validates", "a certification must validate at least one skill")
	}
	c.refs(at, "validates", cert.Validates, "skills")
	c.refs(at, "preparesFor", cert.PreparesFor, "certifications")
	if slices.Contains(cert.PreparesFor, cert.ID) {
		c.fail(at, "preparesFor", "a certification cannot prepare for itself")
	}
}

func (c *checker) edges(ds *domain.Dataset) {
	seen := map[string]bool{}
	// edge checks what every edge shares: it is listed once, and its source is known.
	edge := func(at, field, key, sourceID string) {
		if seen[key] {
			c.fail(at, field, "listed twice")
		}
		seen[key] = true
		c.source(at, "source", sourceID)
	}
	for _, e := range ds.Requirements {
		at := fmt.Sprintf("roles %q: skills %q", e.Role, e.Skill)
		c.ref(at, "skill", e.Skill, "skills")
		if e.Importance < 1 || e.Importance > 5 {
			c.fail(at, "importance", "%v is outside 1..5", e.Importance)
		}
		if e.Level < 1 || e.Level > 7 {
			c.fail(at, "level", "%v is outside 1..7", e.Level)
		}
		edge(at, "skill", "requires "+e.Role+" "+e.Skill, e.SourceID)
	}
	for _, e := range ds.Endorsements {
		at := fmt.Sprintf("roles %q: certifications %q", e.Role, e.Certification)
		c.ref(at, "certification", e.Certification, "certifications")
		c.enum(at, "relevance", e.Relevance, domain.Relevances)
		edge(at, "certification", "values "+e.Role+" "+e.Certification, e.SourceID)
	}
	for _, e := range ds.Progressions {
		at := fmt.Sprintf("roles %q: nextRoles %q", e.From, e.To)
		c.ref(at, "to", e.To, "roles")
		if e.To == e.From {
			c.fail(at, "to", "a role cannot progress to itself")
		}
		if e.TypicalYears <= 0 || e.TypicalYears > 40 {
			c.fail(at, "typicalYears", "%v is outside (0, 40]", e.TypicalYears)
		}
		c.enum(at, "kind", e.Kind, domain.ProgressionKinds)
		edge(at, "to", "progresses "+e.From+" "+e.To, e.SourceID)
	}
}

func reservedID(id string) bool {
	return strings.HasPrefix(id, "onet-") || strings.HasPrefix(id, "tech-")
}

func (c *checker) text(at, field, v string) {
	if v == "" {
		c.fail(at, field, "is required")
	}
}

func (c *checker) enum(at, field, v string, allowed []string) {
	if !slices.Contains(allowed, v) {
		c.fail(at, field, "%q is not one of %v", v, allowed)
	}
}

func (c *checker) ref(at, field, id, kind string) {
	if c.looseRefs {
		if id == "" {
			c.fail(at, field, "is required")
		}
		return
	}
	if got, ok := c.ids[id]; !ok {
		c.fail(at, field, "%q does not name any of the dataset's %s", id, kind)
	} else if got != kind {
		c.fail(at, field, "%q is one of the %s, not one of the %s", id, got, kind)
	}
}

func (c *checker) refs(at, field string, ids []string, kind string) {
	for _, id := range ids {
		c.ref(at, field, id, kind)
	}
}

func (c *checker) source(at, field, id string) {
	if c.looseRefs {
		return
	}
	if !c.sources[id] {
		c.fail(at, field, "source %q is not listed under sources", id)
	}
}

func (c *checker) sourceList(at string, ids []string) {
	if len(ids) == 0 {
		c.fail(at, "sources", "at least one source is required")
	}
	for _, id := range ids {
		c.source(at, "sources", id)
	}
}

// levelYears is the range of experience.min a level may start at, following the career
// guide: up to 3 years entry and junior, 3 to 6 mid-level, 6 or more senior and lead.
// Managers are not bound.
func levelYears(level string) (lo, hi float64, ok bool) {
	switch level {
	case "ENTRY", "JUNIOR":
		return 0, 3, true
	case "MID":
		return 3, 6, true
	case "SENIOR", "LEAD":
		return 6, 100, true
	}
	return 0, 0, false
}
