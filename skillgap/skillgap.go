// Package skillgap measures skill gaps: what a target role requires beyond what a person
// holds, weighted by importance, and which certifications close most of it. It is pure
// logic over plain values, shared by career paths, skill gaps and recommendations.
package skillgap

import (
	"cmp"
	"slices"
)

// Held maps skill ids to the level (1..7) a person holds them at.
type Held map[string]float64

// Need is a skill a role requires, with its importance (1..5) and level (1..7).
type Need struct {
	SkillID           string
	Importance, Level float64
}

// Shortfall is a required skill the person lacks or holds below the required level.
// Weight is the importance scaled by how much of the level is missing:
// importance × (required − held) / required, so a missing essential skill weighs 5 and
// a skill held at half the level weighs half its importance.
type Shortfall struct {
	SkillID                    string
	Importance, Required, Held float64
	Weight                     float64
}

// Clone returns a copy of h that can be changed without touching h.
func (h Held) Clone() Held {
	out := make(Held, len(h))
	for k, v := range h {
		out[k] = v
	}
	return out
}

// Raise records that the person now holds each need at least at its level, as someone
// does after working in the role that requires them.
func (h Held) Raise(needs []Need) {
	for _, n := range needs {
		h[n.SkillID] = max(h[n.SkillID], n.Level)
	}
}

// Shortfalls lists what needs asks beyond held, heaviest first (ties by importance, then
// skill id, so the order is stable).
func Shortfalls(held Held, needs []Need) []Shortfall {
	out := []Shortfall{}
	for _, n := range needs {
		h := held[n.SkillID]
		if w := Lack(n.Importance, n.Level, h); w > 0 {
			out = append(out, Shortfall{SkillID: n.SkillID, Importance: n.Importance, Required: n.Level, Held: h, Weight: w})
		}
	}
	slices.SortFunc(out, func(a, b Shortfall) int {
		return cmp.Or(cmp.Compare(b.Weight, a.Weight), cmp.Compare(b.Importance, a.Importance), cmp.Compare(a.SkillID, b.SkillID))
	})
	return out
}

// Total is the summed weight of a list of shortfalls.
func Total(sf []Shortfall) float64 {
	t := 0.0
	for _, s := range sf {
		t += s.Weight
	}
	return t
}

// Possible is the largest gap needs can have: the summed importance of every need.
func Possible(needs []Need) float64 {
	t := 0.0
	for _, n := range needs {
		t += n.Importance
	}
	return t
}

// Coverage is the share of needs' importance-weighted requirement that held already
// meets, from 0 (nothing) to 1 (everything). It is 1 - Total(Shortfalls)/Possible,
// worked out without building the list.
func Coverage(held Held, needs []Need) float64 {
	possible, short := 0.0, 0.0
	for _, n := range needs {
		possible += n.Importance
		short += Lack(n.Importance, n.Level, held[n.SkillID])
	}
	if possible == 0 {
		return 1
	}
	return 1 - short/possible
}

// Lack is the weight of one requirement held at held: importance × (level − held) /
// level when held is below the level, else 0.
func Lack(importance, level, held float64) float64 {
	if held >= level || level <= 0 {
		return 0
	}
	return importance * (level - held) / level
}

// Closing says how much of a gap one certification closes: the shortfalls among the
// skills it validates, their count, and their weight as a share of the whole gap.
type Closing struct {
	CertificationID string
	SkillIDs        []string
	Count           int
	Weight, Share   float64
}

// RankCertifications ranks certifications by how much of the gap each closes (weighted
// share, then count, then id). validates maps certification ids to the skills they
// validate; certifications that close nothing, or that skip holds, are left out.
func RankCertifications(sf []Shortfall, validates map[string][]string, skip map[string]bool) []Closing {
	total := Total(sf)
	weight := make(map[string]float64, len(sf))
	for _, s := range sf {
		weight[s.SkillID] = s.Weight
	}
	out := []Closing{}
	for cert, skills := range validates {
		if skip[cert] {
			continue
		}
		c := Closing{CertificationID: cert}
		for _, sk := range skills {
			if w, ok := weight[sk]; ok {
				c.SkillIDs = append(c.SkillIDs, sk)
				c.Count++
				c.Weight += w
			}
		}
		if c.Count == 0 {
			continue
		}
		if total > 0 {
			c.Share = c.Weight / total
		}
		slices.Sort(c.SkillIDs)
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Closing) int {
		return cmp.Or(cmp.Compare(b.Weight, a.Weight), cmp.Compare(b.Count, a.Count), cmp.Compare(a.CertificationID, b.CertificationID))
	})
	return out
}

// CertificationLevel is the skill level (1..7) a held certification stands for in the
// skills it validates.
func CertificationLevel(certLevel string) float64 {
	switch certLevel {
	case "ENTRY":
		return 3
	case "ASSOCIATE":
		return 4
	case "PROFESSIONAL":
		return 5
	case "EXPERT":
		return 6
	}
	return 3
}
