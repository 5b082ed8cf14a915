package planner

import (
	"context"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/skillgap"
)

// SkillGap is what a target role requires beyond what the start holds, and the
// certifications that close most of it.
type SkillGap struct {
	Start          Start
	Target         domain.Role
	Skills         []skillgap.Shortfall // heaviest first
	Total          float64              // summed weight of Skills
	Possible       float64              // the gap of someone holding nothing
	Coverage       float64              // 1 - Total/Possible
	Certifications []Closing
	// CertificationsFor is, for an O*NET target, the curated role most like it, whose gap
	// the certifications close (certifications validate curated skills only).
	CertificationsFor *domain.Role
	// CertificationsNote says why Certifications is empty; nil when it is not.
	CertificationsNote *string
}

// SkillGap measures the gap from start to the role with id to.
func (p *Planner) SkillGap(ctx context.Context, start Start, to string) (SkillGap, error) {
	snap, roles, err := p.withRoles(ctx, to)
	if err != nil {
		return SkillGap{}, err
	}
	target := needs(snap.reqs[to])
	sf := skillgap.Shortfalls(start.Held, target)
	g := SkillGap{Start: start, Target: roles[to], Skills: sf, Total: skillgap.Total(sf), Possible: skillgap.Possible(target),
		Coverage: skillgap.Coverage(start.Held, target)}
	closable := sf
	if n, ok := snap.sim.nearest[to]; ok { // an O*NET occupation: no certification validates its elements
		role := snap.roles[n.id]
		g.CertificationsFor = &role
		closable = skillgap.Shortfalls(start.Held, needs(snap.reqs[n.id]))
	}
	g.Certifications = snap.rankCertifications(closable, start.HeldCert)
	if len(g.Certifications) == 0 {
		g.CertificationsNote = noCertificationsFor(g.Target, snap.byID[to].Occupation && g.CertificationsFor == nil)
	}
	return g, nil
}

// noCertificationsFor says why no certification is advised for a target.
func noCertificationsFor(target domain.Role, outsideIT bool) *string {
	note := "No certification in the graph validates the skills this gap is made of (or the ones that do are held already)."
	if outsideIT {
		note = "The certifications in the graph validate IT infrastructure skills, and " + target.Title +
			" is not an IT occupation close enough to a curated IT role for them to apply; none is advised."
	}
	return &note
}
