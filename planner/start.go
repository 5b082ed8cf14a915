package planner

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/skillgap"
	"github.com/careergraph/careergraph/store"
	"github.com/careergraph/careergraph/titles"
)

// Profile describes a person: an optional current role (or a job title that names it),
// skills with levels (1..7), certifications held, a text naming more of them (a résumé)
// and years of experience.
type Profile struct {
	RoleID            string
	Title             string // a job title as written, when RoleID is not given
	Text              string // a résumé or a description of the person's work
	Skills            map[string]float64
	Certifications    []string
	YearsOfExperience *float64
	Area              string // a BLS area code for pay; "" for the nation
}

// Start is where a question starts from: a role in the graph and what the person holds.
type Start struct {
	Role     domain.Role
	Matched  bool    // the role was chosen as the best match for a profile without one
	Coverage float64 // share of the role's weighted requirements the person meets
	Held     skillgap.Held
	HeldCert map[string]bool
	// FromTitle is set when the role was matched from the profile's job title, and
	// TitleMatch is that match.
	FromTitle  bool
	TitleMatch *TitleMatch
	// FromText are the skills and certifications found in the profile's text.
	FromText SkillsFromText
	// beyondRole is set when the profile holds skills or certifications beyond its role's.
	beyondRole bool
}

// ResolveStart turns "from a role" or "for this profile" into a Start. Exactly one of
// from and profile must be given.
func (p *Planner) ResolveStart(ctx context.Context, from string, profile *Profile) (Start, error) {
	switch {
	case from != "" && profile != nil:
		return Start{}, inputErr("give either from or profile, not both (a profile's currentRole says where it starts)")
	case from != "":
		return p.roleStart(ctx, from)
	case profile != nil:
		return p.profileStart(ctx, *profile)
	}
	return Start{}, inputErr("say where to start: from (a role id) or profile")
}

// roleStart is someone in the role: they hold what it requires, and what the O*NET
// occupations a curated role is classified as require.
func (p *Planner) roleStart(ctx context.Context, id string) (Start, error) {
	snap, roles, err := p.withRoles(ctx, id)
	if err != nil {
		return Start{}, err
	}
	held := skillgap.Held{}
	held.Raise(needs(snap.reqs[id]))
	for _, o := range snap.byID[id].ClassifiedAs {
		held.Raise(needs(snap.reqs[o]))
	}
	return Start{Role: roles[id], Coverage: 1, Held: held, HeldCert: map[string]bool{}}, nil
}

func (p *Planner) profileStart(ctx context.Context, pr Profile) (Start, error) {
	held, heldCerts, fromText, err := p.profileHeld(ctx, pr)
	if err != nil {
		return Start{}, err
	}
	roleID, titleMatch, err := p.titleRole(ctx, pr)
	if err != nil {
		return Start{}, err
	}
	if roleID != "" {
		start, err := p.roleStart(ctx, roleID)
		if err != nil {
			return Start{}, err
		}
		start.beyondRole = len(held) > 0
		held.Raise(needsOf(start.Held)) // someone in a role holds what it requires
		start.Held, start.HeldCert, start.FromText = held, heldCerts, fromText
		start.FromTitle, start.TitleMatch = titleMatch != nil, titleMatch
		return start, nil
	}
	if len(held) == 0 {
		return Start{}, inputErr("the profile is empty: give a currentRole or title, skills, certifications or a text naming them")
	}
	snap, err := p.snapshot(ctx)
	if err != nil {
		return Start{}, err
	}
	cands := snap.rankMatches(held, 5)
	if len(cands) == 0 {
		return Start{}, fmt.Errorf("no role in the graph requires any of the profile's skills: %w", store.ErrNotFound)
	}
	ids := make([]string, len(cands))
	for i, c := range cands {
		ids[i] = c.id
	}
	roles, err := snap.rolesByID(ids...)
	if err != nil {
		return Start{}, err
	}
	best := chooseStart(cands, roles, pr.YearsOfExperience)
	return Start{Role: roles[best.id], Matched: true, Coverage: skillgap.Coverage(held, needs(snap.reqs[best.id])),
		Held: held, HeldCert: heldCerts, FromText: fromText, beyondRole: true}, nil
}

// MinTitleScore is the least score (0..1) a job title's best match needs to be taken as
// the profile's role; below it the title is taken to name no role in the graph.
const MinTitleScore = 0.2

// titleRole is the profile's role: its currentRole, else the role its title matches
// best, with that match.
func (p *Planner) titleRole(ctx context.Context, pr Profile) (string, *TitleMatch, error) {
	title := strings.TrimSpace(pr.Title)
	switch {
	case title == "":
		return pr.RoleID, nil, nil
	case pr.RoleID != "":
		return "", nil, inputErr("give either currentRole or title, not both: the title only names a role")
	}
	got, err := p.ClassifyTitles(ctx, []string{title}, titleCandidates)
	if err != nil {
		return "", nil, err
	}
	if m := got[0].Matches; len(m) > 0 && m[0].Score >= MinTitleScore {
		chosen := curatedFor(title, m)
		return chosen.Role.ID, &chosen, nil
	}
	return "", nil, fmt.Errorf("the title %q names no role in the graph (classifyTitles shows how it matches); give currentRole instead: %w",
		title, store.ErrNotFound)
}

type match struct {
	id  string
	sim float64
}

// rankMatches returns the n roles whose requirements are most like what the person
// holds: the cosine between the levels held and the role's importance × level, over
// the role's own requirements. Roles sharing no skill with the person are left out.
func (s *snapshot) rankMatches(held skillgap.Held, n int) []match {
	heldNorm := 0.0
	var ks []int32
	for id, lvl := range held {
		heldNorm += lvl * lvl
		if k, ok := s.required[id]; ok {
			ks = append(ks, k)
		}
	}
	slices.Sort(ks)
	levels := s.heldByNumber(held)
	buf := borrowFloats(len(s.cands))
	defer floats.Put(buf)
	dot := *buf
	clear(dot)
	for _, k := range ks {
		for _, r := range s.needers[k] {
			dot[r.at] += r.w * levels[k]
		}
	}
	better := func(a, b match) int { return cmp.Or(cmp.Compare(b.sim, a.sim), cmp.Compare(a.id, b.id)) }
	out := make([]match, 0, n+1)
	for i, d := range dot {
		sim := d / math.Sqrt(s.needNorm[i]*heldNorm)
		if d <= 0 || len(out) == n && sim < out[n-1].sim {
			continue
		}
		m := match{s.cands[i].Role.ID, sim}
		if at, _ := slices.BinarySearchFunc(out, m, better); at < n {
			out = slices.Insert(out, at, m)[:min(n, len(out)+1)]
		}
	}
	return out
}

// chooseStart takes the most alike role, preferring among those within 0.05 of it one
// whose experience range fits the person's years.
func chooseStart(cands []match, roles map[string]domain.Role, years *float64) match {
	if years != nil {
		for _, c := range cands {
			if c.sim >= cands[0].sim-0.05 && fits(roles[c.id], *years) {
				return c
			}
		}
	}
	return cands[0]
}

func fits(r domain.Role, years float64) bool {
	return years >= r.Experience.Min && (r.Experience.Max == nil || years <= *r.Experience.Max)
}

// needsOf turns held levels back into needs, to merge one Held into another.
func needsOf(h skillgap.Held) []skillgap.Need {
	out := make([]skillgap.Need, 0, len(h))
	for id, lvl := range h {
		out = append(out, skillgap.Need{SkillID: id, Level: lvl})
	}
	return out
}

// profileHeld returns what a profile holds: what statedHeld says, with the skills its text
// names at TextSkillLevel (unless stated) and the certifications it names, each with the
// skills it validates; and what the text named.
func (p *Planner) profileHeld(ctx context.Context, pr Profile) (skillgap.Held, map[string]bool, SkillsFromText, error) {
	snap, err := p.snapshot(ctx)
	if err != nil {
		return nil, nil, SkillsFromText{}, err
	}
	fromText, err := p.readText(snap, pr.Text)
	if err != nil {
		return nil, nil, fromText, err
	}
	for _, m := range fromText.Certifications {
		pr.Certifications = append(slices.Clip(pr.Certifications), m.ID)
	}
	held, heldCerts, err := snap.statedHeld(pr)
	if err != nil {
		return nil, nil, fromText, err
	}
	for _, m := range fromText.Skills {
		if _, stated := pr.Skills[m.ID]; !stated {
			held[m.ID] = max(held[m.ID], TextSkillLevel)
		}
	}
	return held, heldCerts, fromText, nil
}

// TextSkillLevel is the level (0..7) a skill named in a profile's text is held at, unless
// the profile states its level: working knowledge, as a mention says no more.
const TextSkillLevel = 3

// curatedNear is how far below an O*NET occupation's score a curated role may match a
// title and still be taken instead.
const curatedNear = 0.2

// titleCandidates is how many of a title's matches curatedFor looks through.
const titleCandidates = MaxTitleFirst

// curatedFor is the role a profile's title starts from: the best match, or, when that is
// an O*NET occupation, a curated role that matches nearly as well, for the guide's paths
// and requirements: first one that has exactly the title among its own titles ("Cloud
// Engineer", an alternate title of the cloud infrastructure engineer and of O*NET's
// Computer Systems Engineers/Architects), else one classified as the occupation ("help
// desk analyst" starts at the help desk technician rather than at Computer User Support
// Specialists).
func curatedFor(title string, ms []TitleMatch) TitleMatch {
	best := ms[0]
	if !isOccupation(best) {
		return best // a curated role already
	}
	name := titles.Names(title)[0]
	near := func(m TitleMatch) bool { return !isOccupation(m) && m.Score >= best.Score-curatedNear }
	for _, m := range ms[1:] {
		if near(m) && slices.Contains(titles.Names(m.MatchedTitle), name) {
			return m
		}
	}
	for _, m := range ms[1:] {
		if near(m) && slices.Contains(m.Role.SocCodes, best.SOC) {
			return m
		}
	}
	return best
}

// isOccupation reports whether a match is an O*NET occupation, not a curated role.
func isOccupation(m TitleMatch) bool { return m.SOC != "" && m.Role.ID == onet.ID(m.SOC) }

// statedHeld checks a profile's skills and certifications exist and returns the levels
// held: stated levels, and for each held certification the skills it validates at the
// level the certification stands for (skillgap.CertificationLevel).
func (s *snapshot) statedHeld(pr Profile) (skillgap.Held, map[string]bool, error) {
	held, heldCerts := skillgap.Held{}, map[string]bool{}
	for _, id := range slices.Sorted(maps.Keys(pr.Skills)) {
		lvl := pr.Skills[id]
		if lvl < 0 || lvl > 7 {
			return nil, nil, inputErr("profile skill %q has level %v; levels run from 0 to 7", id, lvl)
		}
		if _, ok := s.skillNames[id]; !ok {
			return nil, nil, fmt.Errorf("no skill has id %q: %w", id, store.ErrNotFound)
		}
		held[id] = lvl
	}
	for _, id := range pr.Certifications {
		c, ok := s.certs[id]
		if !ok {
			return nil, nil, fmt.Errorf("no certification has id %q: %w", id, store.ErrNotFound)
		}
		heldCerts[id] = true
		for _, sk := range c.Validates {
			held[sk] = max(held[sk], skillgap.CertificationLevel(c.Certification.Level))
		}
	}
	return held, heldCerts, nil
}
