package planner

import (
	"context"
	"maps"
	"slices"

	"github.com/careergraph/careergraph/career"
	"github.com/careergraph/careergraph/gap"
)

// Closing is a certification, how much of the gap it closes, and the lower
// certifications on its track the person should take first.
type Closing struct {
	Certification career.Certification
	gap.Closing
	TakeFirst []career.Certification
}

// rankCertifications ranks the certifications that close the gap sf, then orders them so
// that none comes before the lower ones on its track that the person does not hold:
// the certifications that prepare for it (PREPARES_FOR, followed back until one is
// held), and, when the person holds no certification of its track (vendor and domain)
// below its level, the lower-level ones of that track in the list. A missing prerequisite is added.
func (p *Planner) rankCertifications(ctx context.Context, sf []gap.Shortfall, held map[string]bool) ([]Closing, error) {
	out := []Closing{}
	if len(sf) == 0 {
		return out, nil
	}
	ids := make([]string, len(sf))
	for i, s := range sf {
		ids[i] = s.SkillID
	}
	bySkill, err := p.store.SkillCertifications(ctx, ids)
	if err != nil {
		return nil, err
	}
	validates, certs := map[string][]string{}, map[string]career.Certification{}
	for skill, cs := range bySkill {
		for _, c := range cs {
			validates[c.ID] = append(validates[c.ID], skill)
			certs[c.ID] = c
		}
	}
	ranked := gap.RankCertifications(sf, validates, held)
	if len(ranked) == 0 {
		return out, nil
	}
	pre, err := p.prerequisites(ctx, ranked, certs)
	if err != nil {
		return nil, err
	}
	var heldCerts []career.Certification
	if len(held) > 0 {
		if heldCerts, err = p.store.CertificationsByIDs(ctx, slices.Sorted(maps.Keys(held))); err != nil {
			return nil, err
		}
	}
	ranked = addMissing(ranked, pre, held, sf)
	for _, c := range ranked {
		out = append(out, Closing{Certification: certs[c.CertificationID], Closing: c})
	}
	before := map[string][]string{}
	for i, c := range out {
		first := unheldChain(c.Certification.ID, pre, held)
		for _, d := range out {
			if lowerOnTrack(d.Certification, c.Certification) && !holdsLower(heldCerts, c.Certification) {
				first = append(first, d.Certification.ID)
			}
		}
		slices.Sort(first)
		before[c.Certification.ID] = slices.Compact(first)
		for _, id := range before[c.Certification.ID] {
			out[i].TakeFirst = append(out[i].TakeFirst, certs[id])
		}
	}
	return orderByProgression(out, before), nil
}

// prerequisites reads the PREPARES_FOR chains into the ranked certifications, adding the
// certifications found to certs; it returns each certification's direct prerequisites.
func (p *Planner) prerequisites(ctx context.Context, ranked []gap.Closing, certs map[string]career.Certification) (map[string][]string, error) {
	ids := make([]string, len(ranked))
	for i, c := range ranked {
		ids[i] = c.CertificationID
	}
	found, err := p.store.PrerequisiteChains(ctx, ids)
	if err != nil {
		return nil, err
	}
	pre := map[string][]string{}
	for id, cs := range found {
		for _, c := range cs {
			pre[id] = append(pre[id], c.ID)
			if _, seen := certs[c.ID]; !seen {
				certs[c.ID] = c
			}
		}
	}
	return pre, nil
}

// unheldChain is every prerequisite of id, and theirs, up to the ones the person holds.
func unheldChain(id string, pre map[string][]string, held map[string]bool) []string {
	var out []string
	seen := map[string]bool{id: true}
	queue := slices.Clone(pre[id])
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if seen[c] || held[c] {
			continue
		}
		seen[c] = true
		out = append(out, c)
		queue = append(queue, pre[c]...)
	}
	return out
}

// addMissing appends the unheld prerequisites of ranked certifications that are not in
// the list, with what they close of the gap (often nothing).
func addMissing(ranked []gap.Closing, pre map[string][]string, held map[string]bool, sf []gap.Shortfall) []gap.Closing {
	in := map[string]bool{}
	for _, c := range ranked {
		in[c.CertificationID] = true
	}
	out := ranked
	for _, c := range ranked {
		for _, id := range unheldChain(c.CertificationID, pre, held) {
			if !in[id] {
				in[id] = true
				out = append(out, gap.Closing{CertificationID: id, SkillIDs: []string{}})
			}
		}
	}
	return out
}

// lowerOnTrack reports whether a is a lower level of b's track (the same vendor and domain).
func lowerOnTrack(a, b career.Certification) bool {
	return a.Domain != "" && a.Domain == b.Domain && a.Vendor == b.Vendor && certRank(a.Level) < certRank(b.Level)
}

// holdsLower reports whether the person holds a certification of c's track below c's level.
func holdsLower(held []career.Certification, c career.Certification) bool {
	return slices.ContainsFunc(held, func(h career.Certification) bool { return lowerOnTrack(h, c) })
}

func certRank(level string) int { return slices.Index(career.CertificationLevels, level) }

// orderByProgression keeps the ranked order except that a certification never comes
// before the ones listed in before for it.
func orderByProgression(ranked []Closing, before map[string][]string) []Closing {
	out := make([]Closing, 0, len(ranked))
	done, present := map[string]bool{}, map[string]bool{}
	for _, c := range ranked {
		present[c.Certification.ID] = true
	}
	ready := func(c Closing) bool {
		for _, b := range before[c.Certification.ID] {
			if present[b] && !done[b] {
				return false
			}
		}
		return true
	}
	left := slices.Clone(ranked)
	for len(left) > 0 {
		i := slices.IndexFunc(left, ready)
		if i < 0 {
			i = 0 // a cycle in the data: keep the ranked order
		}
		out = append(out, left[i])
		done[left[i].Certification.ID] = true
		left = slices.Delete(left, i, i+1)
	}
	return out
}
