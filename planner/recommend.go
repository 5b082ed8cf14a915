package planner

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sort"
	"sync"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/similarity"
	"github.com/careergraph/careergraph/skillgap"
	"github.com/careergraph/careergraph/store"
)

// The weights of a role recommendation's score; they add up to 1. README.md explains
// each part for product teams.
// The similarity and direction weights were chosen on the held-out evaluation
// (EVAL.md) and the curated quality tests together.
const (
	weightSimilarity     = 0.50
	weightDirection      = 0.30
	weightExperience     = 0.10
	weightSkills         = 0.05
	weightCertifications = 0.03
	weightSalary         = 0.02

	MaxRecommendations = 20
	skillsToSuggest    = 10
)

// Recommendations are the next roles, certifications and skills for one person.
type Recommendations struct {
	Start          Start
	Roles          []RoleRecommendation
	Certifications []CertificationRecommendation
	Skills         []SkillRecommendation
	// CertificationsNote says why Certifications is empty; nil when it is not.
	CertificationsNote *string
}

// RoleRecommendation is a role with its score, the parts it is made of and why.
type RoleRecommendation struct {
	Role          domain.Role
	Score         float64
	Parts         ScoreParts
	Similarity    similarity.Parts
	SharedSkills  []string             // the skills that make the person and the role most alike
	MatchedSkills []string             // required skills already held at the level asked
	MissingSkills []skillgap.Shortfall // heaviest first
	Move          *domain.CareerMove
	Wages         *domain.Wage // in the profile's area, or the nation's
	Reason        string
}

// ScoreParts are the score's components, each from 0 to 1.
type ScoreParts struct {
	Similarity, Skills, Certifications, Experience, Direction, Salary float64
}

// CertificationRecommendation is a certification and how much of the gap to the
// recommended roles it closes.
type CertificationRecommendation struct {
	Certification domain.Certification
	SkillIDs      []string
	Weight, Share float64
	ForRoles      []domain.Role
	TakeFirst     []domain.Certification
}

// SkillRecommendation is a skill to learn next and the recommended roles that need it.
type SkillRecommendation struct {
	SkillID  string
	Weight   float64
	ForRoles []domain.Role
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
	snap, err := p.snapshot(ctx)
	if err != nil {
		return Recommendations{}, err
	}
	pay, err := snap.pay(ctx, profile.Area)
	if err != nil {
		return Recommendations{}, err
	}
	med, err := snap.medians(ctx, profile.Area, pay)
	if err != nil {
		return Recommendations{}, err
	}
	roles := snap.rank(start, profile.YearsOfExperience, snap.movesFrom(start.Role.ID), first, pointOf(pay(start.Role)), med)
	snap.explain(start, roles, pay)
	certs, skills := snap.closers(start, roles)
	out := Recommendations{Start: start, Roles: roles, Certifications: certs, Skills: skills}
	switch {
	case !snap.inIT(start.Role):
		note := start.Role.Title + " is outside the IT families, and the certifications in the graph are IT " +
			"certifications: none is advised. The skill gap to an IT role lists the certifications that close it."
		out.CertificationsNote = &note
	case len(certs) == 0:
		note := "No certification in the graph validates skills the recommended roles need and the person " +
			"lacks; the certifications here cover IT infrastructure roles and the IT occupations close to them."
		out.CertificationsNote = &note
	}
	return out, nil
}

// rank scores every role but the person's own (and the same job under another name) and
// returns the first best, not yet explained. Every part of the score but the skills met is
// worked out for every role, the similarity from the index; the skills met, which reads a
// role's requirements, only for the roles that could make the first with it.
func (s *snapshot) rank(start Start, years *float64, moves []domain.CareerMove, first int, startPay payPoint, med *areaMedians) []RoleRecommendation {
	sims := s.sim.index.Compare(s.person(start))
	defer sims.Release()
	skip := map[int]bool{s.at[start.Role.ID]: true}
	for _, id := range s.sim.same[start.Role.ID] {
		skip[s.at[id]] = true
	}
	moveTo := make(map[int]*domain.CareerMove, len(moves))
	for j := range moves {
		moveTo[s.at[moves[j].Role.ID]] = &moves[j]
	}
	score := func(i int, skills float64) RoleRecommendation {
		c := &s.cands[i]
		rec := RoleRecommendation{Role: c.Role, Similarity: sims.Parts(i), Move: moveTo[i]}
		rec.Parts = ScoreParts{
			Similarity:     min(1, max(0, rec.Similarity.Total)),
			Skills:         skills,
			Certifications: certificationFit(start.HeldCert, c.Endorsements),
			Experience:     experienceFit(years, c.Role.Experience),
			Direction:      direction(s.levels[s.at[start.Role.ID]], s.levels[i], rec.Move),
			Salary:         salaryFit(startPay, med.of(i), start.Role.Salary, c.Role.Salary),
		}
		rec.Score = weightSimilarity*rec.Parts.Similarity + weightSkills*rec.Parts.Skills +
			weightCertifications*rec.Parts.Certifications + weightExperience*rec.Parts.Experience +
			weightDirection*rec.Parts.Direction + weightSalary*rec.Parts.Salary
		return rec
	}
	// Without the skills met (0 here, at most 1), each score is at most weightSkills short.
	buf := borrowFloats(len(s.cands))
	defer floats.Put(buf)
	without := *buf
	best := make([]float64, 0, first+1) // the first highest of them, highest first
	for i := range s.cands {
		if without[i] = math.Inf(-1); skip[i] {
			continue
		}
		without[i] = score(i, 0).Score
		at, _ := slices.BinarySearchFunc(best, without[i], func(a, b float64) int { return cmp.Compare(b, a) })
		if at < first {
			best = slices.Insert(best, at, without[i])[:min(first, len(best)+1)]
		}
	}
	cut := math.Inf(-1)
	if len(best) == first {
		cut = best[first-1] - weightSkills - 1e-9 // below it, no role can make the first
	}
	held := s.heldByNumber(start.Held)
	top := make([]RoleRecommendation, 0, first+1)
	for i, w := range without {
		if w >= cut && !skip[i] {
			top = keepBest(top, score(i, skillsMet(held, s.needIndex[i], s.cands[i].Requirements)), first)
		}
	}
	return top
}

// heldByNumber is what a person holds, by required skill number.
func (s *snapshot) heldByNumber(held skillgap.Held) []float64 {
	out := make([]float64, len(s.required))
	for id, lvl := range held {
		if k, ok := s.required[id]; ok {
			out[k] = lvl
		}
	}
	return out
}

// keepBest inserts rec into top, kept sorted best first (ties by role id) and at most n long.
func keepBest(top []RoleRecommendation, rec RoleRecommendation, n int) []RoleRecommendation {
	better := func(a, b *RoleRecommendation) bool {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Role.ID, b.Role.ID)) < 0
	}
	if len(top) == n && !better(&rec, &top[n-1]) {
		return top
	}
	at := sort.Search(len(top), func(k int) bool { return better(&rec, &top[k]) })
	top = slices.Insert(top, at, rec)
	return top[:min(n, len(top))]
}

// explain fills in, for the recommended roles only, the skills matched, missing and
// shared, and the one-line reason.
func (s *snapshot) explain(start Start, roles []RoleRecommendation, pay payFunc) {
	startPay := pay(start.Role)
	person := s.person(start)
	for i := range roles {
		r := &roles[i]
		r.Wages = pay(r.Role)
		target := needs(s.reqs[r.Role.ID])
		r.MissingSkills = skillgap.Shortfalls(start.Held, target)
		r.MatchedSkills = []string{}
		for _, n := range target {
			if start.Held[n.SkillID] >= n.Level {
				r.MatchedSkills = append(r.MatchedSkills, n.SkillID)
			}
		}
		slices.Sort(r.MatchedSkills)
		r.SharedSkills = sharedSkills(s.sim.model, person, s.sim.vecs[r.Role.ID], sharedSkillsShown)
		r.Reason = reason(start.Role, *r, s.skillNames) + payNote(startPay, r.Wages)
	}
}

// closers finds the skills and certifications that close most of the gap to the
// recommended roles, each role's gap counted in proportion to its score.
func (s *snapshot) closers(start Start, roles []RoleRecommendation) ([]CertificationRecommendation, []SkillRecommendation) {
	return s.certificationsToTake(start, roles), s.skillsToLearn(roles)
}

// minOccupationImportance is the least importance (O*NET's 1–5 scale) at which an O*NET
// occupation's skill or knowledge is advised to learn. O*NET rates every element for
// every occupation, and below "important" (3) the gaps are noise: with O*NET imported,
// restaurant cooks were advised Philosophy and Theology, registered nurses Geography.
const minOccupationImportance = 3

// skillsToLearn are the skills missing for most of the recommended roles, each role's own
// gap (an O*NET occupation's in the skills and knowledge it rates important) weighed by
// its score.
func (s *snapshot) skillsToLearn(roles []RoleRecommendation) []SkillRecommendation {
	gaps := make([]roleGap, 0, len(roles))
	for _, r := range roles {
		missing := r.MissingSkills
		if c := s.byID[r.Role.ID]; c != nil && c.Occupation {
			missing = slices.DeleteFunc(slices.Clone(missing), func(m skillgap.Shortfall) bool {
				return m.Importance < minOccupationImportance
			})
		}
		gaps = append(gaps, roleGap{r.Role, missing, r.Score})
	}
	combined, forRoles := combineGaps(gaps)
	skills := []SkillRecommendation{}
	for _, sk := range combined[:min(skillsToSuggest, len(combined))] {
		var needing []domain.Role
		for _, i := range forRoles[sk.SkillID] {
			needing = append(needing, gaps[i].role)
		}
		skills = append(skills, SkillRecommendation{SkillID: sk.SkillID, Weight: sk.Weight, ForRoles: needing})
	}
	return skills
}

// certificationsToTake ranks the certifications that close most of the gap to the
// recommended roles. Certifications validate curated (IT infrastructure) skills, so an O*NET
// occupation's gap is that of the curated role closest to it, scaled by how close that
// role is, and a person outside the IT families is advised none.
func (s *snapshot) certificationsToTake(start Start, roles []RoleRecommendation) []CertificationRecommendation {
	certs := []CertificationRecommendation{}
	if !s.inIT(start.Role) {
		return certs
	}
	gaps := make([]roleGap, 0, len(roles))
	for _, r := range roles {
		g := roleGap{r.Role, r.MissingSkills, r.Score}
		if c := s.byID[r.Role.ID]; c != nil && c.Occupation {
			n, ok := s.sim.nearest[r.Role.ID]
			if !ok {
				continue
			}
			g.missing, g.weight = skillgap.Shortfalls(start.Held, needs(s.reqs[n.id])), r.Score*max(0, n.sim)
		}
		gaps = append(gaps, g)
	}
	combined, forRoles := combineGaps(gaps)
	for _, c := range s.rankCertifications(combined, start.HeldCert) {
		var needing []domain.Role
		for _, sk := range c.SkillIDs {
			for _, i := range forRoles[sk] {
				if r := gaps[i].role; !slices.ContainsFunc(needing, func(x domain.Role) bool { return x.ID == r.ID }) {
					needing = append(needing, r)
				}
			}
		}
		certs = append(certs, CertificationRecommendation{Certification: c.Certification, SkillIDs: c.SkillIDs,
			Weight: c.Weight, Share: c.Share, ForRoles: needing, TakeFirst: c.TakeFirst})
	}
	prerequisitesServe(certs)
	return certs
}

// roleGap is what one recommended role lacks and how much its gap counts.
type roleGap struct {
	role    domain.Role
	missing []skillgap.Shortfall
	weight  float64
}

// combineGaps adds the roles' gaps up, skill by skill, heaviest first (ties by id), with
// the roles that need each skill (as their places in gaps).
func combineGaps(gaps []roleGap) ([]skillgap.Shortfall, map[string][]int) {
	weight, forRoles := map[string]float64{}, map[string][]int{}
	for i, g := range gaps {
		for _, m := range g.missing {
			weight[m.SkillID] += m.Weight * g.weight
			if !slices.ContainsFunc(forRoles[m.SkillID], func(j int) bool { return gaps[j].role.ID == g.role.ID }) {
				forRoles[m.SkillID] = append(forRoles[m.SkillID], i)
			}
		}
	}
	combined := make([]skillgap.Shortfall, 0, len(weight))
	for id, w := range weight {
		if w > 0 {
			combined = append(combined, skillgap.Shortfall{SkillID: id, Weight: w})
		}
	}
	slices.SortFunc(combined, func(a, b skillgap.Shortfall) int {
		return cmp.Or(cmp.Compare(b.Weight, a.Weight), cmp.Compare(a.SkillID, b.SkillID))
	})
	return combined, forRoles
}

// prerequisitesServe gives a certification advised only as another's prerequisite (it
// validates none of the skills missing) the roles of the certifications it prepares for.
func prerequisitesServe(certs []CertificationRecommendation) {
	for i := range certs {
		if len(certs[i].ForRoles) > 0 {
			continue
		}
		for _, c := range certs {
			if slices.ContainsFunc(c.TakeFirst, func(x domain.Certification) bool { return x.ID == certs[i].Certification.ID }) {
				for _, r := range c.ForRoles {
					if !slices.ContainsFunc(certs[i].ForRoles, func(x domain.Role) bool { return x.ID == r.ID }) {
						certs[i].ForRoles = append(certs[i].ForRoles, r)
					}
				}
			}
		}
	}
}

// floats are lists of numbers a request borrows for its scores, one per role, rather than
// allocating them: *[]float64.
var floats sync.Pool

// borrowFloats returns a list of n numbers from floats (their values left over); put it
// back when done.
func borrowFloats(n int) *[]float64 {
	p, _ := floats.Get().(*[]float64)
	if p == nil || cap(*p) < n {
		list := make([]float64, n)
		p = &list
	}
	*p = (*p)[:n]
	return p
}

// skillsMet is the importance- and level-weighted share of the role's requirements
// held (skillgap.Coverage, over numbered skills); 0.5 when the role lists none. skills
// are the numbers of the requirements' skills, in their order.
func skillsMet(held []float64, skills []int32, reqs []store.Need) float64 {
	possible, short := 0.0, 0.0
	for k, r := range reqs {
		possible += r.Importance
		short += skillgap.Lack(r.Importance, r.Level, held[skills[k]])
	}
	if possible == 0 {
		return 0.5
	}
	return max(0, 1-short/possible)
}

// certificationFit is the share of what the role values that the person holds, with
// REQUIRED counting 3, PREFERRED 2 and HELPFUL 1; 0.5 when the role values none.
func certificationFit(held map[string]bool, values []domain.Endorsement) float64 {
	total, got := 0.0, 0.0
	for _, v := range values {
		w := 1.0
		switch v.Relevance {
		case "REQUIRED":
			w = 3
		case "PREFERRED":
			w = 2
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
func experienceFit(years *float64, want domain.Years) float64 {
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

// direction rewards the moves the graph knows (a promotion most); without one, a step
// of one level up or at the same level scores best, then two up, one down, and the rest.
// from and to are the two roles' level ranks (domain.LevelRank).
func direction(from, to int, move *domain.CareerMove) float64 {
	if move != nil {
		switch move.Kind {
		case domain.KindPromotion:
			return 1
		case domain.KindSpecialization:
			return 0.85
		}
		return 0.6
	}
	switch d := to - from; {
	case d == 0, d == 1:
		return 0.3
	case d == 2:
		return 0.25
	case d == -1:
		return 0.2
	case d > 2:
		return 0.1
	}
	return 0.05
}

// salaryFit maps the ratio of pay onto 0..1 as 0.5 + 0.5 × log2(to / from): half the pay
// 0, the same 0.5, double 1. Pay is the OEWS median when both ends have one, else the top
// of the guide's salary ranges; 0.5 when neither is known.
func salaryFit(fromPay, toPay payPoint, from, to *domain.Salary) float64 {
	a, b, ok := fromPay.compare(toPay)
	if !ok && from != nil && to != nil && from.Currency == to.Currency {
		a, b, ok = float64(from.Max), float64(to.Max), true
	}
	if !ok || a <= 0 {
		return 0.5
	}
	return min(1, max(0, 0.5+0.5*math.Log2(b/a)))
}

// inIT reports whether a role is curated (IT infrastructure by construction) or an O*NET
// occupation of an IT family.
func (s *snapshot) inIT(r domain.Role) bool {
	c := s.byID[r.ID]
	return c == nil || !c.Occupation || InITFamily(r.SocCodes)
}
