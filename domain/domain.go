// Package domain holds the types of the career graph: roles, skills, certifications,
// the edges between them and the sources their facts come from. It has no
// dependencies, so the dataset, the store and the API all speak it.
package domain

// Role is a job in the graph, such as help desk technician or senior infrastructure engineer.
type Role struct {
	ID              string   `yaml:"id" json:"id"`
	Title           string   `yaml:"title" json:"title"`
	AlternateTitles []string `yaml:"alternateTitles,omitempty" json:"alternateTitles"`
	Track           string   `yaml:"track" json:"track"`
	Level           string   `yaml:"level" json:"level"`
	Experience      Years    `yaml:"experience" json:"experience"`
	Education       string   `yaml:"education,omitempty" json:"education"`
	Salary          *Salary  `yaml:"salary,omitempty" json:"salary"`
	Summary         string   `yaml:"summary" json:"summary"`
	Duties          []string `yaml:"duties,omitempty" json:"duties"`
	SourceIDs       []string `yaml:"sources" json:"sources"`
	// SocCodes classify a curated role as O*NET occupations (15-1244.00); an O*NET
	// occupation carries its own code as its only one.
	SocCodes []string `yaml:"socCodes,omitempty" json:"socCodes"`
	JobZone  int      `yaml:"-" json:"jobZone"` // O*NET job zone 1..5; 0 when not an O*NET occupation
	// Problems are the properties that failed their check when read from the graph.
	Problems []Problem `yaml:"-" json:"-"`
}

// Years is a range of years of experience; Max is nil when the range is open ("6+ years").
type Years struct {
	Min float64  `yaml:"min" json:"min"`
	Max *float64 `yaml:"max,omitempty" json:"max"`
}

// Salary is a yearly pay range with the currency and the source it was taken from.
type Salary struct {
	Min      int    `yaml:"min" json:"min"`
	Max      int    `yaml:"max" json:"max"`
	Currency string `yaml:"currency" json:"currency"`
	SourceID string `yaml:"source" json:"source"`
	Note     string `yaml:"note,omitempty" json:"note"`
}

// Skill is something a person can do, such as BGP routing or Terraform state management.
type Skill struct {
	ID          string   `yaml:"id" json:"id"`
	Name        string   `yaml:"name" json:"name"`
	Category    string   `yaml:"category" json:"category"`
	Description string   `yaml:"description" json:"description"`
	SourceIDs   []string `yaml:"sources" json:"sources"`
	// Problems are the properties that failed their check when read from the graph.
	Problems []Problem `yaml:"-" json:"-"`
}

// Certification is a credential that proves skills, such as Cisco CCNA.
type Certification struct {
	ID          string   `yaml:"id" json:"id"`
	Name        string   `yaml:"name" json:"name"`
	Vendor      string   `yaml:"vendor" json:"vendor"`
	Level       string   `yaml:"level" json:"level"`
	Domain      string   `yaml:"domain" json:"domain"`
	Description string   `yaml:"description" json:"description"`
	Validates   []string `yaml:"validates" json:"validates"`
	PreparesFor []string `yaml:"preparesFor,omitempty" json:"preparesFor"`
	SourceIDs   []string `yaml:"sources" json:"sources"`
	// Problems are the properties that failed their check when read from the graph.
	Problems []Problem `yaml:"-" json:"-"`
}

// Source says where facts come from, so every fact in the graph can be traced.
type Source struct {
	ID      string `yaml:"id" json:"id"`
	Title   string `yaml:"title" json:"title"`
	URL     string `yaml:"url,omitempty" json:"url"`
	License string `yaml:"license,omitempty" json:"license"`
	// Attribution is the notice a licence requires wherever the data is shown.
	Attribution string `yaml:"attribution,omitempty" json:"attribution"`
}

// Node is anything in the graph with a global id: a role, a skill or a certification.
type Node interface{ NodeID() string }

// NodeID makes Role a Node.
func (r Role) NodeID() string { return r.ID }

// NodeID makes Skill a Node.
func (s Skill) NodeID() string { return s.ID }

// NodeID makes Certification a Node.
func (c Certification) NodeID() string { return c.ID }
