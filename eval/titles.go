package eval

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/similarity"
	"github.com/careergraph/careergraph/titles"
)

// TitleReport is the held-out title evaluation: every title incumbents reported (O*NET's
// Sample of Reported Titles) matched against an index that holds none of them, nor any
// alternate title equal to one, whichever occupation it belongs to, with two baselines
// measured the same way: plain TF-IDF cosine over each occupation's titles, and over its
// titles and description.
type TitleReport struct {
	Queries                      int
	Served, ByTitles, ByDocument Accuracy
	Known                        Known
}

// Known is how the served index names the titles it holds: each alternate title of one
// occupation only (as the matcher reads it), asked of an index of every title, and the
// share of them whose occupation comes first.
type Known struct {
	Queries int
	First   float64
}

// Accuracy is the share of queries whose occupation is named first, and among the first five.
type Accuracy struct{ Top1, Top5 float64 }

func (a Accuracy) String() string { return fmt.Sprintf("top-1 %.3f top-5 %.3f", a.Top1, a.Top5) }

func (r TitleReport) String() string {
	return fmt.Sprintf("titles: %s (baselines: TF-IDF over titles %s, over titles and description %s; %d reported titles held out)\n"+
		"titles as indexed: first %.3f (%d alternate titles of one occupation each)",
		r.Served, r.ByTitles, r.ByDocument, r.Queries, r.Known.First, r.Known.Queries)
}

// EvaluateTitles measures title matching on d's reported titles, withheld from what is
// indexed: the index sees each occupation's title, its alternate titles equal to no
// reported title (of any occupation), and its description only. every > 1 asks only
// every such title, in a fixed order (the tests' sample); all are withheld either way.
func EvaluateTitles(d *onet.Data, every int) TitleReport {
	var served []domain.Role
	byTitles, byDocument := map[string]string{}, map[string]string{}
	type query struct{ code, title string }
	var queries []query
	held := map[string]bool{} // every reported title, as the matcher's words: no occupation's index holds one
	for code, o := range d.Occupations {
		for _, t := range o.ReportedTitles {
			held[titles.Names(t)[0]] = true
			queries = append(queries, query{code, t})
		}
	}
	for code, o := range d.Occupations {
		known := []string{o.Title}
		for _, t := range o.AlternateTitles {
			if !slices.ContainsFunc(titles.Names(t), func(name string) bool { return held[name] }) {
				known = append(known, t)
			}
		}
		served = append(served, domain.Role{ID: code, Title: o.Title, AlternateTitles: known[1:],
			Summary: o.Description, SocCodes: []string{code}})
		byTitles[code] = strings.Join(known, ". ")
		byDocument[code] = byTitles[code] + ". " + o.Description
	}
	slices.SortFunc(queries, func(a, b query) int { return strings.Compare(a.code+a.title, b.code+b.title) })
	var sample []query
	for i, q := range queries {
		if i%max(1, every) == 0 {
			sample = append(sample, q)
		}
	}
	queries = sample
	ix := titles.ForRoles(served)
	rankers := []func(string) []string{func(q string) []string {
		var ids []string
		for _, m := range ix.Match(q, 5) {
			ids = append(ids, m.Role)
		}
		return ids
	}, tfidf(byTitles), tfidf(byDocument)}
	hits := make([][2]int, len(rankers))
	for _, q := range queries {
		for k, rank := range rankers {
			if at := slices.Index(rank(q.title), q.code); at >= 0 {
				hits[k][0] += boolInt(at == 0)
				hits[k][1]++
			}
		}
	}
	acc := func(h [2]int) Accuracy {
		n := float64(max(1, len(queries)))
		return Accuracy{float64(h[0]) / n, float64(h[1]) / n}
	}
	return TitleReport{Queries: len(queries), Served: acc(hits[0]), ByTitles: acc(hits[1]), ByDocument: acc(hits[2]),
		Known: knownTitles(d, every)}
}

// knownTitles measures how the index the service builds, every title held, names the
// alternate titles that belong to one occupation only (every > 1 asks only one such title
// in every, in a fixed order, as EvaluateTitles does).
func knownTitles(d *onet.Data, every int) Known {
	var roles []domain.Role
	owners := map[string]int{}
	for code, o := range d.Occupations {
		roles = append(roles, domain.Role{ID: code, Title: o.Title, AlternateTitles: o.AlternateTitles,
			Summary: o.Description, SocCodes: []string{code}})
		seen := map[string]bool{}
		for _, t := range append([]string{o.Title}, o.AlternateTitles...) {
			if k := titles.Names(t)[0]; !seen[k] {
				seen[k] = true
				owners[k]++
			}
		}
	}
	slices.SortFunc(roles, func(a, b domain.Role) int { return strings.Compare(a.ID, b.ID) })
	ix := titles.ForRoles(roles)
	var k Known
	hits, i := 0, 0
	for _, r := range roles {
		for _, t := range r.AlternateTitles {
			if owners[titles.Names(t)[0]] != 1 {
				continue
			}
			if i++; (i-1)%max(1, every) != 0 {
				continue
			}
			k.Queries++
			if m := ix.Match(t, 1); len(m) == 1 && m[0].Role == r.ID {
				hits++
			}
		}
	}
	k.First = float64(hits) / float64(max(1, k.Queries))
	return k
}

// tfidf is a baseline: plain TF-IDF cosine between a title and each occupation's text, as
// the similarity package weighs text; it returns the first five.
func tfidf(texts map[string]string) func(string) []string {
	codes := slices.Sorted(maps.Keys(texts))
	fs := make([]similarity.Features, len(codes))
	for i, c := range codes {
		fs[i] = similarity.Features{Text: []string{texts[c]}}
	}
	m, vs := similarity.FitVectors(fs, similarity.Weights{Text: 1})
	ix := m.NewIndex(vs)
	return func(q string) []string {
		scores := ix.Compare(m.Vector(similarity.Features{Text: []string{q}}))
		defer scores.Release()
		order := make([]int, len(codes))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int {
			return cmp.Or(cmp.Compare(scores.Total(b), scores.Total(a)), strings.Compare(codes[a], codes[b]))
		})
		out := make([]string, 0, 5)
		for _, i := range order[:min(5, len(order))] {
			if scores.Total(i) > 0 {
				out = append(out, codes[i])
			}
		}
		return out
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
