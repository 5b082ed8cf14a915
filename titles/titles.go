// Package titles matches job titles as people write them ("Sr. Linux Admin", "Desktop
// Support Tech II") to roles, by the titles each role is known by and its description.
// It is pure arithmetic over plain values; nothing here reads the graph.
package titles

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/similarity"
)

// expansions write out the abbreviations job titles carry. A value of several words
// replaces the abbreviation with all of them.
var expansions = map[string]string{
	"sr": "senior", "snr": "senior", "jr": "junior", "mgr": "manager", "mngr": "manager",
	"tech": "technician", "techs": "technician", "admin": "administrator", "adm": "administrator",
	"asst": "assistant", "assoc": "associate", "coord": "coordinator", "dir": "director",
	"eng": "engineer", "engr": "engineer", "dev": "developer", "spec": "specialist",
	"supv": "supervisor", "supvr": "supervisor", "rep": "representative", "svc": "service",
	"svcs": "service", "sys": "system", "sysadmin": "system administrator", "ops": "operations",
	"acct": "accountant", "acctg": "accounting", "exec": "executive", "mgmt": "management",
	"maint": "maintenance", "ofc": "office", "hr": "human resources",
	"it": "information technology", "rn": "registered nurse", "lpn": "licensed practical nurse",
	"lvn": "licensed vocational nurse", "cna": "certified nursing assistant", "np": "nurse practitioner",
	"cdl": "commercial driver", "otr": "over the road", "qa": "quality assurance",
	"qc": "quality control", "ceo": "chief executive officer", "cfo": "chief financial officer",
	"cio": "chief information officer", "cto": "chief technology officer", "coo": "chief operating officer",
	"vp": "vice president", "avp": "assistant vice president", "dba": "database administrator",
	"pm": "project manager", "ux": "user experience", "ui": "user interface", "sw": "software",
	"hw": "hardware", "cpa": "certified public accountant",
	"emt": "emergency medical technician", "lmt": "licensed massage therapist", "pt": "physical therapist",
	"ot": "occupational therapist", "md": "physician", "dds": "dentist", "icu": "intensive care",
	"er": "emergency", "hvac": "heating air conditioning",
}

// levels are words that mark a grade within a job rather than the job: Roman and plain
// numerals and the words around them.
var levels = map[string]bool{"i": true, "ii": true, "iii": true, "iv": true, "v": true, "vi": true,
	"1": true, "2": true, "3": true, "4": true, "5": true, "level": true, "grade": true, "class": true}

// seniority maps the words that say how senior a title is to the level they state; the
// words stay among the title's words too.
var seniority = map[string]string{"senior": "SENIOR", "lead": "SENIOR", "principal": "SENIOR",
	"junior": "JUNIOR", "entry": "ENTRY", "trainee": "ENTRY", "apprentice": "ENTRY", "intern": "ENTRY"}

var stopWords = map[string]bool{"a": true, "an": true, "and": true, "the": true, "of": true, "for": true,
	"in": true, "on": true, "to": true, "at": true, "with": true, "&": true}

// Words are a title's words as the index compares them: lower case, abbreviations
// written out, grade marks and common words dropped, plurals folded.
func Words(title string) []string {
	var out []string
	for _, raw := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		for _, w := range strings.Fields(expand(raw)) {
			if !levels[w] && !stopWords[w] {
				out = append(out, similarity.Stem(w))
			}
		}
	}
	return out
}

func expand(w string) string {
	if x, ok := expansions[w]; ok {
		return x
	}
	return w
}

// Seniority is the seniority a title states (SENIOR, JUNIOR or ENTRY), or "".
func Seniority(title string) string {
	for _, w := range Words(title) {
		if s := seniority[w]; s != "" {
			return s
		}
	}
	return ""
}

// Title is one title a role is known by.
type Title struct{ Role, Text string }

// Match is a role a title matches: its score from 0 to 1, the role's title that shares
// the most words with it and the words they share.
type Match struct {
	Role, Title string
	Score       float64
	Words       []string
}

// Index matches titles to roles: each role's titles and description make one text,
// scored for a query's words with Okapi BM25. It is never changed after New, so it is
// safe to share.
type Index struct {
	roles      []string             // by number
	titles     map[string][]string  // each role's titles
	tf         []map[string]float64 // each role's word counts
	length     []float64            // each role's words
	avgLen     float64
	idf        map[string]float64
	unknownIDF float64            // the idf of a word no role holds
	byWord     map[string][]int32 // roles holding each word
	levels     map[string]string  // the level of each role seniority words can choose between
	near       map[string]string  // title words by their spellings one letter short, for misspellings
}

// BM25's parameters, the usual ones: how fast a word's count saturates, and how much a
// long text is discounted.
const k1, b = 1.2, 0.75

// New indexes the titles of roles, with each role's description.
func New(titles []Title, descriptions map[string]string) *Index {
	ix := &Index{titles: map[string][]string{}, idf: map[string]float64{}, byWord: map[string][]int32{},
		levels: map[string]string{}, near: map[string]string{}}
	text := map[string][]string{}
	for _, t := range titles {
		ix.titles[t.Role] = append(ix.titles[t.Role], t.Text)
		text[t.Role] = append(text[t.Role], Words(t.Text)...)
		for _, w := range Words(t.Text) {
			ix.addNear(w)
		}
	}
	for role, d := range descriptions {
		text[role] = append(text[role], Words(d)...)
	}
	for role := range text {
		ix.roles = append(ix.roles, role)
	}
	slices.Sort(ix.roles)
	for i, role := range ix.roles {
		tf := map[string]float64{}
		for _, w := range text[role] {
			tf[w]++
		}
		for w := range tf {
			ix.byWord[w] = append(ix.byWord[w], int32(i))
		}
		ix.tf = append(ix.tf, tf)
		ix.length = append(ix.length, float64(len(text[role])))
		ix.avgLen += float64(len(text[role])) / float64(len(text))
	}
	n := float64(len(ix.roles))
	ix.unknownIDF = math.Log(1 + (n+0.5)/0.5)
	for w, holders := range ix.byWord {
		df := float64(len(holders))
		ix.idf[w] = math.Log(1 + (n-df+0.5)/(df+0.5))
	}
	return ix
}

// Match returns the n roles title matches best, best first (ties by role id); none when
// no word of it is known. A score is BM25 divided by the most the query's words could
// score, so that it lies between 0 and 1.
func (ix *Index) Match(title string, n int) []Match {
	words := Words(title)
	for i, w := range words {
		words[i] = ix.spell(w)
	}
	words = slices.Compact(slices.Sorted(slices.Values(words)))
	stated := Seniority(title)
	most, scores := 0.0, map[int32]float64{}
	for _, w := range words {
		idf, known := ix.idf[w]
		if !known {
			idf = ix.unknownIDF // a word no role has counts against every role
		}
		most += idf * (k1 + 1)
		for _, i := range ix.byWord[w] {
			c := ix.tf[i][w]
			scores[i] += idf * c * (k1 + 1) / (c + k1*(1-b+b*ix.length[i]/max(ix.avgLen, 1)))
		}
	}
	out := make([]Match, 0, len(scores))
	for i, s := range scores {
		out = append(out, Match{Role: ix.roles[i], Score: s / most * fitsSeniority(stated, ix.levels[ix.roles[i]])})
	}
	slices.SortFunc(out, func(a, b Match) int { return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Role, b.Role)) })
	out = out[:min(n, len(out))]
	for i := range out {
		out[i].Title, out[i].Words = ix.closestTitle(words, out[i].Role)
	}
	return out
}

// closestTitle is the role's title sharing the most of the query's words, and those words.
func (ix *Index) closestTitle(query []string, role string) (string, []string) {
	best, words := "", []string(nil)
	for _, t := range ix.titles[role] {
		have := Words(t)
		var shared []string
		for _, w := range query {
			if slices.Contains(have, w) {
				shared = append(shared, w)
			}
		}
		if best == "" || len(shared) > len(words) {
			best, words = t, shared
		}
	}
	return best, words
}

// ForRoles indexes roles by their titles, alternate titles and summaries. Seniority words
// in a query choose between the levels of roles that are not O*NET occupations (whose
// level comes from a job zone, not from the title): "Senior Systems Engineer" goes to the
// senior curated role, not the mid-level one.
func ForRoles(roles []domain.Role) *Index {
	var ts []Title
	descriptions := make(map[string]string, len(roles))
	levels := map[string]string{}
	for _, r := range roles {
		ts = append(ts, Title{r.ID, r.Title})
		for _, a := range r.AlternateTitles {
			ts = append(ts, Title{r.ID, a})
		}
		descriptions[r.ID] = r.Summary
		if occupation := len(r.SocCodes) == 1 && onet.ID(r.SocCodes[0]) == r.ID; !occupation && r.Level != "" {
			levels[r.ID] = r.Level
		}
	}
	ix := New(ts, descriptions)
	ix.levels = levels
	return ix
}

// fitsSeniority weighs a role's level against the seniority a title states: 1 when they
// agree, less when they do not. Roles without a level are not weighed.
func fitsSeniority(stated, level string) float64 {
	if level == "" {
		return 1
	}
	agree := map[string][]string{"SENIOR": {"SENIOR", "LEAD"}, "JUNIOR": {"JUNIOR", "ENTRY"},
		"ENTRY": {"ENTRY", "JUNIOR"}, "": {"MID", "MANAGER"}}[stated]
	switch {
	case slices.Contains(agree, level):
		return 1
	case stated == "":
		return 0.95 // a title without seniority words leans to the mid-level role
	}
	return 0.8
}

// minNear is the shortest word a misspelling of which is still recognised.
const minNear = 5

// addNear records w under each spelling of it one letter short, so that a query word one
// letter added, dropped, changed or swapped away from a title word still finds it.
func (ix *Index) addNear(w string) {
	if len(w) < minNear {
		return
	}
	for i := range len(w) {
		d := w[:i] + w[i+1:]
		if old, ok := ix.near[d]; !ok || w < old {
			ix.near[d] = w
		}
	}
	ix.near[w] = w
}

// spell returns w, or the title word it most likely misspells when the index does not
// know w; "" when it knows neither.
func (ix *Index) spell(w string) string {
	if _, ok := ix.idf[w]; ok || len(w) < minNear {
		return w
	}
	if x, ok := ix.near[w]; ok {
		return x
	}
	for i := range len(w) {
		if x, ok := ix.near[w[:i]+w[i+1:]]; ok {
			return x
		}
	}
	return w
}
