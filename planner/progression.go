package planner

import (
	"slices"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/skillgap"
)

// Closing is a certification, how much of the gap it closes, and the lower
// certifications on its track the person should take first.
type Closing struct {
	Certification domain.Certification
	skillgap.Closing
	TakeFirst []domain.Certification
}

// rankCertifications ranks the certifications that close the gap sf, then orders them so
// that none comes before the lower ones on its track that the person does not hold:
// the certifications that prepare for it (PREPARES_FOR, followed back until one is
// held), and, when the person holds no certification of its track (vendor and domain)
// below its level, the lower-level ones of that track in the list. A missing
// prerequisite is added.
func (s *snapshot) rankCertifications(sf []skillgap.Shortfall, held map[string]bool) []Closing {
	out := []Closing{}
	validates := map[string][]string{}
	for _, sh := range sf {
		for _, c := range s.certsBySkill[sh.SkillID] {
			validates[c] = append(validates[c], sh.SkillID)
		}
	}
	ranked := skillgap.RankCertifications(sf, validates, held)
	if len(ranked) == 0 {
		return out
	}
	pre := func(id string) []string { return s.certs[id].Prerequisites }
	var heldCerts []domain.Certification
	for id := range held {
		if c, ok := s.certs[id]; ok {
			heldCerts = append(heldCerts, c.Certification)
		}
	}
	for _, c := range addMissing(ranked, pre, held) {
		out = append(out, Closing{Certification: s.certs[c.CertificationID].Certification, Closing: c})
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
			out[i].TakeFirst = append(out[i].TakeFirst, s.certs[id].Certification)
		}
	}
	return orderByProgression(out, before)
}

// unheldChain is every prerequisite of id, and theirs, up to the ones the person holds.
func unheldChain(id string, pre func(string) []string, held map[string]bool) []string {
	var out []string
	seen := map[string]bool{id: true}
	queue := slices.Clone(pre(id))
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if seen[c] || held[c] {
			continue
		}
		seen[c] = true
		out = append(out, c)
		queue = append(queue, pre(c)...)
	}
	return out
}

// addMissing appends the unheld prerequisites of ranked certifications that are not in
// the list, with what they close of the gap (often nothing).
func addMissing(ranked []skillgap.Closing, pre func(string) []string, held map[string]bool) []skillgap.Closing {
	in := map[string]bool{}
	for _, c := range ranked {
		in[c.CertificationID] = true
	}
	out := ranked
	for _, c := range ranked {
		for _, id := range unheldChain(c.CertificationID, pre, held) {
			if !in[id] {
				in[id] = true
				out = append(out, skillgap.Closing{CertificationID: id, SkillIDs: []string{}})
			}
		}
	}
	return out
}

// lowerOnTrack reports whether a is a lower level of b's track (the same vendor and domain).
func lowerOnTrack(a, b domain.Certification) bool {
	return a.Domain != "" && a.Domain == b.Domain && a.Vendor == b.Vendor && certRank(a.Level) < certRank(b.Level)
}

// holdsLower reports whether the person holds a certification of c's track below c's level.
func holdsLower(held []domain.Certification, c domain.Certification) bool {
	return slices.ContainsFunc(held, func(h domain.Certification) bool { return lowerOnTrack(h, c) })
}

func certRank(level string) int { return slices.Index(domain.CertificationLevels, level) }

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
