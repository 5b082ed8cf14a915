package domain

// Requirement is the (:Role)-[:REQUIRES]->(:Skill) edge. Importance runs from 1 (nice to
// have) to 5 (essential) and level from 1 (basic) to 7 (expert), the scales O*NET uses.
type Requirement struct {
	Role       string  `yaml:"role" json:"role"`
	Skill      string  `yaml:"skill" json:"skill"`
	Importance float64 `yaml:"importance" json:"importance"`
	Level      float64 `yaml:"level" json:"level"`
	SourceID   string  `yaml:"source" json:"source"`
}

// Endorsement is the (:Role)-[:VALUES]->(:Certification) edge: how much a role values a
// certification (REQUIRED, PREFERRED or HELPFUL).
type Endorsement struct {
	Role          string `yaml:"role" json:"role"`
	Certification string `yaml:"certification" json:"certification"`
	Relevance     string `yaml:"relevance" json:"relevance"`
	SourceID      string `yaml:"source" json:"source"`
}

// Progression is the (:Role)-[:PROGRESSES_TO]->(:Role) edge: a typical move from one role
// to the next, taking TypicalYears in the first role.
type Progression struct {
	From         string  `yaml:"from" json:"from"`
	To           string  `yaml:"to" json:"to"`
	TypicalYears float64 `yaml:"typicalYears" json:"typicalYears"`
	Kind         string  `yaml:"kind" json:"kind"`
	SourceID     string  `yaml:"source" json:"source"`
}

// Progression kinds.
const (
	KindPromotion      = "PROMOTION"
	KindLateral        = "LATERAL"
	KindSpecialization = "SPECIALIZATION"
)

// Vocabularies: the values each enumerated field may take. The GraphQL schema's enums
// carry the same values.
var (
	Tracks = []string{"SUPPORT", "SYSTEMS", "NETWORK", "INFRASTRUCTURE", "CLOUD", "SECURITY",
		"SERVICE_MANAGEMENT", "DEVOPS", "IMPLEMENTATION", "COMPLIANCE", "MANAGEMENT", "GENERAL"}
	RoleLevels      = []string{"ENTRY", "JUNIOR", "MID", "SENIOR", "LEAD", "MANAGER"}
	SkillCategories = []string{"VIRTUALIZATION", "NETWORKING", "STORAGE", "CLOUD_IAC", "WINDOWS",
		"LINUX", "MONITORING", "SECURITY", "FINOPS", "SERVICE_MANAGEMENT", "SOFT_SKILLS",
		"GENERAL_SKILL", "KNOWLEDGE", "TECHNOLOGY"}
	CertificationLevels = []string{"ENTRY", "ASSOCIATE", "PROFESSIONAL", "EXPERT"}
	Relevances          = []string{"REQUIRED", "PREFERRED", "HELPFUL"}
	ProgressionKinds    = []string{KindPromotion, KindLateral, KindSpecialization}
)

// LevelRank orders role levels from 1 (ENTRY) upwards; 0 means unknown.
func LevelRank(level string) int {
	for i, l := range RoleLevels {
		if l == level {
			return i + 1
		}
	}
	return 0
}

// The edges as seen from one end, carrying the node at the other end.

// SkillRequirement is a skill as a role requires it.
type SkillRequirement struct {
	Skill             Skill
	Importance, Level float64
	SourceID          string
}

// RoleRequirement is a role that requires a given skill.
type RoleRequirement struct {
	Role              Role
	Importance, Level float64
	SourceID          string
}

// CertificationEndorsement is a certification as a role values it.
type CertificationEndorsement struct {
	Certification       Certification
	Relevance, SourceID string
}

// RoleEndorsement is a role that values a given certification.
type RoleEndorsement struct {
	Role                Role
	Relevance, SourceID string
}

// CareerMove is a step to (or from) another role along a PROGRESSES_TO edge.
type CareerMove struct {
	Role           Role
	TypicalYears   float64
	Kind, SourceID string
}

// RelatedOccupation is an O*NET related-occupation link as seen from its start.
type RelatedOccupation struct {
	Role Role
	Tier string
	Rank int
}

// TechnologyUse is a technology an occupation uses, with O*NET's flags.
type TechnologyUse struct {
	Technology    Skill
	Hot, InDemand bool
}
