package domain

// Dataset is a whole career graph in memory: what a dataset file holds once it is read
// and checked, and what the importer writes to Neo4j.
type Dataset struct {
	Sources        []Source
	Roles          []Role
	Skills         []Skill
	Certifications []Certification
	Requirements   []Requirement
	Endorsements   []Endorsement
	Progressions   []Progression
}
