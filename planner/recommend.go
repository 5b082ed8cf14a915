package planner

import (
	"cmp"
	"context"
	"slices"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/gap"
	"github.com/careergraph/careergraph/store"
)

// The weights of a role recommendation's score; they add up to 1. README.md explains
// each part for product teams.
const (
	weightSkills         = 0.35
	weightDirection      = 0.30
	weightExperience     = 0.15
	weightCertifications = 0.10
	weightSalary         = 0.10

	MaxRecommendations = 20
	skillsToSuggest    = 10
)

// Recommendations are the next roles, certifications and skills for one person.
type Recommendations struct {
	Start          Start
	Roles          []RoleRecommendation
	Certifications []CertificationRecommendation
	Skills         []SkillRecommendation
}

// RoleRecommendation is a role with its score, the parts it is made of and why.
type RoleRecommendation struct {
	Role          career.Role
	Score         float64
	Parts         ScoreParts
	MatchedSkills []string        // required skills already held at the level asked
	MissingSkills []gap.Shortfall // heaviest first
	Move          *career.CareerMove
	Reason        string
}

// ScoreParts are the score's components, each from 0 to 1.
type ScoreParts struct {
	Skills, Certifications, Experience, Direction, Salary float64
}

// CertificationRecommendation is a certification and how much of the gap to the
// recommended roles it closes.
type CertificationRecommendation struct {
	Certification career.Certification
	SkillIDs      []string
	Weight, Share float64
	ForRoles      []career.Role
}

// SkillRecommendation is a skill to learn next and the recommended roles that need it.
type SkillRecommendation struct {
	SkillID  string
	Weight   float64
	ForRoles []career.Role
}

// Recommend ranks the roles a person could move to next and the certifications and
// skills that get them there. first (1..MaxRecommendations) bounds the roles returned.
func (p *Planner) Recommend(ctx context.Context, profile Profile, first int) (Recommendations, error) {
	if first < 1 || first > MaxRecommendations {
		return Recommendations{}, inputErr("first must be between 1 and %d, got %d", MaxRecommendations, first)
	}
	start, err := p.ResolveStart(ctx, "", &profile)
	if err != nil {
		return Recommendations{}, err
	}
	cands, _, err := p.candidates(ctx)
	if err != nil {
		return Recommendations{}, err
	}
	moves, err := p.store.NextRoles(ctx, []string{start.Role.ID})
	if err != nil {
		return Recommendations{}, err
	}
	var roles []RoleRecommendation
	for _, c := range cands {
		if c.Role.ID != start.Role.ID {
			roles = append(roles, score(start, profile.YearsOfExperience, c, moves[start.Role.ID]))
		}
	}
	slices.SortFunc(roles, func(a, b RoleRecommendation) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Role.ID, b.Role.ID))
	})
	roles = roles[:min(first, len(roles))]
	certs, skills, err := p.closers(ctx, start, roles)
	if err != nil {
		return Recommendations{}, err
	}
	return Recommendations{Start: start, Roles: roles, Certifications: certs, Skills: skills}, nil
}

// closers finds the skills and certifications that close most of the gap to the
// recommended roles, each role's gap counted in proportion to its score.
func (p *Planner) closers(ctx context.Context, start Start, roles []RoleRecommendation) ([]CertificationRecommendation, []SkillRecommendation, error) {
	weight, forRoles := map[string]float64{}, map[string][]career.Role{}
	for _, r := range roles {
		for _, m := range r.MissingSkills {
			weight[m.SkillID] += m.Weight * r.Score
			forRoles[m.SkillID] = append(forRoles[m.SkillID], r.Role)
		}
	}
	combined := make([]gap.Shortfall, 0, len(weight))
	for id, w := range weight {
		combined = append(combined, gap.Shortfall{SkillID: id, Weight: w})
	}
	slices.SortFunc(combined, func(a, b gap.Shortfall) int {
		return cmp.Or(cmp.Compare(b.Weight, a.Weight), cmp.Compare(a.SkillID, b.SkillID))
	})
	skills := []SkillRecommendation{}
	for _, s := range combined[:min(skillsToSuggest, len(combined))] {
		skills = append(skills, SkillRecommendation{SkillID: s.SkillID, Weight: s.Weight, ForRoles: forRoles[s.SkillID]})
	}
	certs := []CertificationRecommendation{}
	if len(combined) == 0 {
		return certs, skills, nil
	}
	ids := make([]string, len(combined))
	for i, s := range combined {
		ids[i] = s.SkillID
	}
	bySkill, err := p.store.SkillCertifications(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	validates, known := map[string][]string{}, map[string]career.Certification{}
	for skill, cs := range bySkill {
		for _, c := range cs {
			validates[c.ID] = append(validates[c.ID], skill)
			known[c.ID] = c
		}
	}
	for _, c := range gap.RankCertifications(combined, validates, start.HeldCert) {
		certs = append(certs, CertificationRecommendation{Certification: known[c.CertificationID], SkillIDs: c.SkillIDs,
			Weight: c.Weight, Share: c.Share, ForRoles: rolesNeeding(roles, c.SkillIDs)})
	}
	return certs, skills, nil
}

func rolesNeeding(roles []RoleRecommendation, skills []string) []career.Role {
	var out []career.Role
	for _, r := range roles {
		if slices.ContainsFunc(r.MissingSkills, func(s gap.Shortfall) bool { return slices.Contains(skills, s.SkillID) }) {
			out = append(out, r.Role)
		}
	}
	return out
}

// score rates one candidate role for the person at start.
func score(start Start, years *float64, c store.Candidate, moves []career.CareerMove) RoleRecommendation {
	target := needs(c.Requirements)
	rec := RoleRecommendation{Role: c.Role, MissingSkills: gap.Shortfalls(start.Held, target), MatchedSkills: []string{}}
	for _, n := range target {
		if start.Held[n.SkillID] >= n.Level {
			rec.MatchedSkills = append(rec.MatchedSkills, n.SkillID)
		}
	}
	slices.Sort(rec.MatchedSkills)
	for i := range moves {
		if moves[i].Role.ID == c.Role.ID {
			rec.Move = &moves[i]
		}
	}
	rec.Parts = ScoreParts{
		Skills:         gap.Coverage(start.Held, target),
		Certifications: certificationFit(start.HeldCert, c.Endorsements),
		Experience:     experienceFit(years, c.Role.Experience),
		Direction:      direction(start.Role, c.Role, rec.Move),
		Salary:         salaryFit(start.Role.Salary, c.Role.Salary),
	}
	rec.Score = weightSkills*rec.Parts.Skills + weightCertifications*rec.Parts.Certifications +
		weightExperience*rec.Parts.Experience + weightDirection*rec.Parts.Direction + weightSalary*rec.Parts.Salary
	rec.Reason = reason(start.Role, rec)
	return rec
}

// certificationFit is the share of what the role values that the person holds, with
// REQUIRED counting 3, PREFERRED 2 and HELPFUL 1; 0.5 when the role values none.
func certificationFit(held map[string]bool, values []career.Endorsement) float64 {
	total, got := 0.0, 0.0
	for _, v := range values {
		w := map[string]float64{"REQUIRED": 3, "PREFERRED": 2}[v.Relevance]
		if w == 0 {
			w = 1
		}
		total += w
		if held[v.Certification] {
			got += w
		}
	}
	if total == 0 {
		return 0.5
	}
	return got / total
}

// experienceFit is 1 inside the role's range, falling to 0 three years short of it or
// ten years past it; 0.5 when the person's years are unknown.
func experienceFit(years *float64, want career.Years) float64 {
	if years == nil {
		return 0.5
	}
	y := *years
	switch {
	case y < want.Min:
		return max(0, 1-(want.Min-y)/3)
	case want.Max != nil && y > *want.Max:
		return max(0, 1-(y-*want.Max)/10)
	}
	return 1
}

// direction rewards the moves the graph knows (a promotion most) and otherwise a step
// of one level up; moving down scores lowest.
func direction(from, to career.Role, move *career.CareerMove) float64 {
	if move != nil {
		return map[string]float64{career.KindPromotion: 1, career.KindSpecialization: 0.85, career.KindLateral: 0.6}[move.Kind]
	}
	switch d := career.LevelRank(to.Level) - career.LevelRank(from.Level); {
	case d == 1:
		return 0.45
	case d == 0, d == 2:
		return 0.3
	case d > 2:
		return 0.1
	}
	return 0.05
}

// salaryFit maps the change in the top of the salary range, from −50% to +50%, onto
// 0..1; 0.5 when either range is unknown or in another currency.
func salaryFit(from, to *career.Salary) float64 {
	if from == nil || to == nil || from.Currency != to.Currency || from.Max == 0 {
		return 0.5
	}
	change := float64(to.Max-from.Max) / float64(from.Max)
	return min(1, max(0, change+0.5))
}
