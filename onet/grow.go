package onet

import (
	"fmt"
	"math/rand/v2"
	"sort"
)

// qualifiers make the titles of grown occupations differ from their originals.
var qualifiers = []string{"Senior", "Junior", "Lead", "Associate", "Principal", "Regional", "Field", "Staff",
	"Assistant", "Chief", "Remote", "Contract", "Corporate", "Technical", "Industrial", "Clinical"}

// Grow returns a copy of d with copies-1 synthetic variants of every occupation added,
// so that the graph holds copies times the occupations, for measuring how the service
// scales. A variant of 15-1244.00 is 15-1244.00v2 (its SOC code, and so its wages, stay
// those of the original): its title and alternate titles carry a qualifier, its job zone
// may move one step, its ratings are perturbed within their scales and a tenth of them
// dropped, it keeps about four fifths of the technologies, and its related occupations
// are the variants of the original's (seven in ten within the same copy, the rest among
// the other copies), so moves are derived among variants and across copies alike. The
// same seed grows the same graph. d is not changed.
func Grow(d *Data, copies int, seed uint64) *Data {
	out := *d
	out.Occupations = make(map[string]*Occupation, len(d.Occupations)*copies)
	for c, o := range d.Occupations {
		out.Occupations[c] = o
	}
	out.Ratings = append([]Rating(nil), d.Ratings...)
	out.Tech = append([]TechUse(nil), d.Tech...)
	out.Related = append([]Relation(nil), d.Related...)
	codes := make([]string, 0, len(d.Occupations))
	for c := range d.Occupations {
		codes = append(codes, c)
	}
	sort.Strings(codes) // map order must not decide what a seed grows
	rng := rand.New(rand.NewPCG(seed, uint64(copies)))
	for k := 2; k <= copies; k++ {
		for _, c := range codes {
			out.Occupations[variant(c, k)] = growOccupation(rng, d.Occupations[c], variant(c, k))
		}
		out.Ratings = append(out.Ratings, growRatings(rng, d.Ratings, k)...)
		out.Tech = append(out.Tech, growTech(rng, d.Tech, k)...)
		out.Related = append(out.Related, growRelated(rng, d.Related, k, copies)...)
	}
	return &out
}

// variant is the code of the k-th copy of an occupation (the first copy is the original).
func variant(code string, k int) string {
	if k <= 1 {
		return code
	}
	return fmt.Sprintf("%sv%d", code, k)
}

func growOccupation(rng *rand.Rand, o *Occupation, code string) *Occupation {
	q := qualifiers[rng.IntN(len(qualifiers))]
	v := &Occupation{Code: code, Title: q + " " + o.Title, Description: o.Description, Education: o.Education,
		JobZone: o.JobZone}
	if v.JobZone > 0 && rng.IntN(5) == 0 {
		v.JobZone = min(5, max(1, v.JobZone+rng.IntN(3)-1))
	}
	for _, t := range o.AlternateTitles {
		if rng.IntN(10) < 7 {
			v.AlternateTitles = append(v.AlternateTitles, q+" "+t)
		}
	}
	return v
}

func growRatings(rng *rand.Rand, ratings []Rating, k int) []Rating {
	out := make([]Rating, 0, len(ratings))
	for _, r := range ratings {
		if rng.IntN(10) == 0 {
			continue
		}
		out = append(out, Rating{Code: variant(r.Code, k), ElementID: r.ElementID,
			Importance: min(5, max(1, r.Importance+rng.NormFloat64()*0.3)),
			Level:      min(7, max(0, r.Level+rng.NormFloat64()*0.5))})
	}
	return out
}

func growTech(rng *rand.Rand, tech []TechUse, k int) []TechUse {
	out := make([]TechUse, 0, len(tech))
	for _, t := range tech {
		if rng.IntN(5) == 0 {
			continue
		}
		t.Code = variant(t.Code, k)
		t.Hot = t.Hot != (rng.IntN(20) == 0)
		out = append(out, t)
	}
	return out
}

func growRelated(rng *rand.Rand, related []Relation, k, copies int) []Relation {
	out := make([]Relation, 0, len(related))
	for _, r := range related {
		to := k
		if rng.IntN(10) >= 7 {
			to = 1 + rng.IntN(copies)
		}
		if to == k && r.To == r.From {
			continue
		}
		out = append(out, Relation{From: variant(r.From, k), To: variant(r.To, to), Tier: r.Tier, Rank: r.Rank})
	}
	return out
}
