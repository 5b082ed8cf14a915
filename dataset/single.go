package dataset

import (
	"fmt"

	"github.com/careergraph/careergraph/domain"
)

// The single-entry checks apply the importer's rules to one entry written through the
// curator API. References to other nodes are left to the store, which checks them
// against the graph inside the same transaction as the write.

// CheckRole checks one role.
func CheckRole(r domain.Role) error {
	return single(func(c *checker) { c.id("role", r.ID); c.role(r) })
}

// CheckSkill checks one skill.
func CheckSkill(s domain.Skill) error {
	return single(func(c *checker) { c.id("skill", s.ID); c.skill(s) })
}

// CheckCertification checks one certification.
func CheckCertification(cert domain.Certification) error {
	return single(func(c *checker) { c.id("certification", cert.ID); c.certification(cert) })
}

// CheckRequirement checks one required skill.
func CheckRequirement(e domain.Requirement) error {
	return single(func(c *checker) { c.edges(&domain.Dataset{Requirements: []domain.Requirement{e}}) })
}

// CheckEndorsement checks one valued certification.
func CheckEndorsement(e domain.Endorsement) error {
	return single(func(c *checker) { c.edges(&domain.Dataset{Endorsements: []domain.Endorsement{e}}) })
}

// CheckProgression checks one career move.
func CheckProgression(e domain.Progression) error {
	return single(func(c *checker) { c.edges(&domain.Dataset{Progressions: []domain.Progression{e}}) })
}

func single(check func(c *checker)) error {
	c := &checker{ids: map[string]string{}, sources: map[string]bool{}, looseRefs: true}
	check(c)
	if len(c.problems) > 0 {
		return &InvalidError{Problems: c.problems}
	}
	return nil
}

// id checks an id on its own, as registerIDs does for a whole file.
func (c *checker) id(kind, id string) {
	at := fmt.Sprintf("%s %q", kind, id)
	switch {
	case !slug.MatchString(id):
		c.fail(at, "id", "must be a slug of lower-case letters, digits and dashes")
	case reservedID(id):
		c.fail(at, "id", "ids starting onet- or tech- are kept for imported O*NET data")
	}
}
