package planner

import (
	"cmp"
	"slices"
	"strings"

	"github.com/careergraph/careergraph/similarity"
	"github.com/careergraph/careergraph/store"
)

// sharedSkillsShown bounds the closest shared skills a recommendation names.
const sharedSkillsShown = 3

// similarityIndex compares people with roles in one vocabulary: every role's skill and
// knowledge ratings, technologies and descriptive text, a curated role's blended with
// those of the O*NET occupations it is classified as.
type similarityIndex struct {
	model   *similarity.Model
	vecs    map[string]similarity.Vector
	index   *similarity.Index    // vecs in the order of the snapshot's candidates
	same    map[string][]string  // roles that are the same job: a curated role and its classification
	nearest map[string]neighbour // for each O*NET occupation (and only those), the curated role closest to it
}

// neighbour is the curated role closest to an O*NET occupation.
type neighbour struct {
	id  string
	sim float64
}

// newSimilarityIndex fits a model to every role, or, given prev, keeps prev's model and
// the vectors of the roles not changed (nor classified as one changed).
func newSimilarityIndex(cands []store.Candidate, byID map[string]*store.Candidate, prev *similarityIndex, changed map[string]bool) *similarityIndex {
	ix := &similarityIndex{vecs: make(map[string]similarity.Vector, len(cands)), same: map[string][]string{}, nearest: map[string]neighbour{}}
	byIndex := make([]similarity.Vector, len(cands))
	if prev == nil {
		all := make([]similarity.Features, len(cands))
		similarity.InParts(len(cands), func(lo, hi int) {
			for i := lo; i < hi; i++ {
				all[i] = roleFeatures(&cands[i], byID)
			}
		})
		ix.model, byIndex = similarity.FitVectors(all, similarity.DefaultWeights)
	} else {
		ix.model = prev.model
		for i := range cands {
			c := &cands[i]
			v, ok := prev.vecs[c.Role.ID]
			if !ok || changed[c.Role.ID] || slices.ContainsFunc(c.ClassifiedAs, func(id string) bool { return changed[id] }) {
				v = ix.model.Vector(roleFeatures(c, byID))
			}
			byIndex[i] = v
		}
	}
	ix.index = ix.model.NewIndex(byIndex)
	ix.index.ShareRatings(byIndex)
	for i := range cands {
		c := &cands[i]
		ix.vecs[c.Role.ID] = byIndex[i]
		for _, o := range c.ClassifiedAs {
			ix.same[c.Role.ID] = append(ix.same[c.Role.ID], o)
			ix.same[o] = append(ix.same[o], c.Role.ID)
		}
	}
	ix.nearest = nearestCurated(cands, ix)
	return ix
}

// roleFeatures are a role's own requirements, technologies and text, plus, for a curated
// role, the averaged ratings, technologies and text of the occupations it is classified as.
func roleFeatures(c *store.Candidate, byID map[string]*store.Candidate) similarity.Features {
	f := similarity.Features{Ratings: roleRatings(c, byID), Title: c.Role.Title,
		Tech: slices.Clip(c.Tech), Text: append([]string{c.Role.Summary}, c.Role.AlternateTitles...)}
	f.Text = append(f.Text, c.Role.Duties...)
	for _, o := range classifiedAs(c, byID) {
		f.Tech = append(f.Tech, o.Tech...) // clipped: the first append copies c.Tech
		f.Text = append(append(f.Text, o.Role.Title, o.Role.Summary), o.Role.AlternateTitles...)
	}
	return f
}

// roleRatings are a role's importance × level by skill, for a curated role blended with
// the averaged ratings of the occupations it is classified as: a new map each call.
func roleRatings(c *store.Candidate, byID map[string]*store.Candidate) map[string]float64 {
	r := make(map[string]float64, len(c.Requirements))
	for _, q := range c.Requirements {
		r[q.Skill] = q.Importance * q.Level
	}
	occs := classifiedAs(c, byID)
	for _, o := range occs {
		for _, q := range o.Requirements {
			r[q.Skill] += q.Importance * q.Level / float64(len(occs))
		}
	}
	return r
}

// classifiedAs are the occupations in the snapshot a role is classified as.
func classifiedAs(c *store.Candidate, byID map[string]*store.Candidate) []*store.Candidate {
	var occs []*store.Candidate
	for _, id := range c.ClassifiedAs {
		if o := byID[id]; o != nil {
			occs = append(occs, o)
		}
	}
	return occs
}

// Certifications validate curated (IT infrastructure) skills only, so an O*NET
// occupation is advised certifications through the curated role most like it, and only
// when the occupation is in an IT family and that role is alike enough. Measured on O*NET
// 29.3 (README, "Certifications beyond IT"): the occupations the curated roles are
// classified as come out at 0.62 to 0.89, database administrators, software developers
// and IT project managers at 0.36 to 0.39; below 0.35 the closest curated role is another
// job (research scientists to junior systems administrator at 0.28, web developers to
// cloud engineer at 0.27, web designers, document management specialists).
const minCertificationSimilarity = 0.35

// itFamilies are the SOC groups whose occupations may take IT certifications: 15-1200
// Computer Occupations and 11-3020 Computer and Information Systems Managers.
var itFamilies = []string{"15-12", "11-302"}

// InITFamily reports whether a role's first SOC code lies in an IT family.
func InITFamily(socCodes []string) bool {
	return len(socCodes) > 0 && slices.ContainsFunc(itFamilies, func(f string) bool {
		return strings.HasPrefix(socCodes[0], f)
	})
}

// nearestCurated finds, for every O*NET occupation of an IT family, the curated role most
// like it, the one whose certifications speak for it, when it is alike enough.
func nearestCurated(cands []store.Candidate, ix *similarityIndex) map[string]neighbour {
	out := map[string]neighbour{}
	var curated []string
	for _, c := range cands {
		if !c.Occupation {
			curated = append(curated, c.Role.ID)
		}
	}
	for _, c := range cands {
		if !c.Occupation || !InITFamily(c.Role.SocCodes) {
			continue
		}
		best := neighbour{}
		for _, id := range curated {
			if s := ix.model.Similarity(ix.vecs[c.Role.ID], ix.vecs[id]).Total; best.id == "" || s > best.sim {
				best = neighbour{id, s}
			}
		}
		if best.id != "" && best.sim >= minCertificationSimilarity {
			out[c.Role.ID] = best
		}
	}
	return out
}

// person is the vector of someone at start: the start role's features, raised by the
// skills the person holds beyond it (a held skill counts as importance 3 at its level).
func (s *snapshot) person(start Start) similarity.Vector {
	v := s.sim.vecs[start.Role.ID]
	c := s.byID[start.Role.ID]
	if !start.beyondRole || c == nil {
		return v
	}
	raised := roleRatings(c, s.byID)
	for id, lvl := range start.Held {
		raised[id] = max(raised[id], 3*lvl)
	}
	v.Ratings = s.sim.model.RatingsVector(raised)
	return v
}

// sharedSkills are the skills that add most to how alike the person and the role are.
func sharedSkills(model *similarity.Model, person, role similarity.Vector, n int) []string {
	type contrib struct {
		id string
		w  float64
	}
	var out []contrib
	similarity.Common(person.Ratings, role.Ratings, func(index int32, x, y float64) {
		if w := x * y; w > 0 && x > 0 {
			out = append(out, contrib{model.RatingKey(index), w})
		}
	})
	slices.SortFunc(out, func(x, y contrib) int { return cmp.Or(cmp.Compare(y.w, x.w), cmp.Compare(x.id, y.id)) })
	ids := make([]string, 0, n)
	for _, c := range out[:min(n, len(out))] {
		ids = append(ids, c.id)
	}
	return ids
}
