// Package titles matches job titles as people write them ("Sr. Linux Admin", "Desktop
// Support Tech II") to roles, by the titles each role is known by and its description.
// It is pure arithmetic over plain values; nothing here reads the graph.
package titles

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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
func Words(title string) []string { return words(title, similarity.Stem) }

// words is Words with each word, once written out, turned into index words by word.
func words(title string, word func(string) string) []string {
	var out []string
	for _, raw := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		for _, w := range strings.Fields(expand(raw)) {
			if !levels[w] && !stopWords[w] {
				for _, x := range strings.Fields(word(w)) {
					out = append(out, x)
				}
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
// the most words with it, and the title's words (as Words gives them) that the role's
// titles or description hold.
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
	titles     []named              // each role's titles
	titleWords []titleWords         // the words of each of them
	keys       []titleKey           // every title's words as a set, hashed, sorted: exact titles
	inherits   map[int32][]int32    // the occupations whose titles a role has too (see inheritTitles)
	wordIDs    map[string]uint32    // every title word, numbered
	postings   map[string][]posting // the roles holding each word, with its BM25 weight there
	idf        map[string]float64
	unknownIDF float64           // the idf of a word no role holds
	levels     map[string]string // the level of each role seniority words can choose between
	near       map[string]string // title words by their spellings one letter short, for misspellings
	scratch    sync.Pool         // *tally, reused across matches
}

// titleWords are the words of a role's titles, numbered, one title after another: title
// k's words are ids[ends[k-1]:ends[k]]. Numbers, not strings, keep a large index small.
type titleWords struct {
	ids  []uint32
	ends []uint32
}

// posting is a role holding a word, with the word's BM25 weight in the role's text.
type posting struct {
	role   int32
	weight float32
}

// tally is one match's running scores, by role number, and the roles scored.
type tally struct {
	score   []float32
	content []bool  // the role holds a word of the title that is not a seniority word
	exact   []uint8 // the title is exactly one of the role's titles: ownTitle or anotherTitle
	touched []int32
}

// BM25's parameters, the usual ones: how fast a word's count saturates, and how much a
// long text is discounted.
const k1, b = 1.2, 0.75

// New indexes the titles of roles, with each role's description; a role's first title
// is its own.
func New(titles []Title, descriptions map[string]string) *Index {
	byRole := map[string]*named{}
	for _, t := range titles {
		if r := byRole[t.Role]; r == nil {
			byRole[t.Role] = &named{id: t.Role, title: t.Text, titled: true}
		} else {
			r.alternates = append(r.alternates, t.Text)
		}
	}
	for role := range descriptions {
		if byRole[role] == nil {
			byRole[role] = &named{id: role}
		}
	}
	roles := make([]named, 0, len(byRole))
	for _, r := range byRole {
		r.description = descriptions[r.id]
		roles = append(roles, *r)
	}
	return build(roles)
}

// named is a role as the index reads it: its own title (when titled), its alternate
// titles and its description. The index keeps title and alternates, shared with the
// caller, not copied.
type named struct {
	id, title, description string
	alternates             []string
	titled                 bool
}

// count is how many titles the role has.
func (r named) count() int { return len(r.alternates) + boolInt(r.titled) }

// at is the role's title k: its own first, then its alternates.
func (r named) at(k int) string {
	if r.titled {
		if k == 0 {
			return r.title
		}
		k--
	}
	return r.alternates[k]
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// build indexes roles, sorting them by id.
func build(roles []named) *Index {
	ix := &Index{postings: map[string][]posting{}, idf: map[string]float64{}, levels: map[string]string{},
		near: map[string]string{}, wordIDs: map[string]uint32{}}
	slices.SortFunc(roles, func(a, b named) int { return strings.Compare(a.id, b.id) })
	ix.roles, ix.titles, ix.titleWords = make([]string, len(roles)), make([]named, len(roles)), make([]titleWords, len(roles))
	ix.keys = make([]titleKey, 0, titleCount(roles))
	tfs, lengths, avgLen := make([]map[string]float64, len(roles)), make([]float64, len(roles)), 0.0
	var words titleWords // scratch, cloned for each role
	for i, role := range roles {
		tf := map[string]float64{}
		words.ids, words.ends = words.ids[:0], words.ends[:0]
		for k := range role.count() {
			ws := Words(beforeExcept(role.at(k)))
			words.ids = append(words.ids, ix.number(ws)...)
			words.ends = append(words.ends, uint32(len(words.ids)))
			ix.addKeys(words.ids[start(words.ends, k):], role.at(k), i)
			for _, w := range ws {
				tf[w]++
				ix.addNear(w)
			}
			lengths[i] += float64(len(ws))
		}
		for _, w := range Words(role.description) {
			tf[w]++
			lengths[i]++
		}
		role.description = "" // not kept
		ix.roles[i], ix.titles[i], ix.titleWords[i], tfs[i] = role.id, role, words.clone(), tf
		avgLen += lengths[i] / float64(len(roles))
	}
	ix.sortKeys()
	n := float64(len(ix.roles))
	ix.unknownIDF = math.Log(1 + (n+0.5)/0.5)
	df := map[string]float64{}
	for _, tf := range tfs {
		for w := range tf {
			df[w]++
		}
	}
	for w, d := range df {
		ix.idf[w] = math.Log(1 + (n-d+0.5)/(d+0.5))
	}
	for i, tf := range tfs {
		for _, w := range slices.Sorted(maps.Keys(tf)) {
			c := tf[w]
			weight := ix.idf[w] * c * (k1 + 1) / (c + k1*(1-b+b*lengths[i]/max(avgLen, 1)))
			ix.postings[w] = append(ix.postings[w], posting{int32(i), float32(weight)})
		}
	}
	ix.scratch.New = func() any {
		return &tally{score: make([]float32, len(ix.roles)), content: make([]bool, len(ix.roles)), exact: make([]uint8, len(ix.roles))}
	}
	return ix
}

// Match returns the n roles title matches best, best first (ties by role id); none when
// no word of it is known. A score is BM25 divided by the most the query's words could
// score, so that it lies between 0 and 1, in a higher band for a title whose words are
// exactly those of one of the role's titles (see banded).
func (ix *Index) Match(title string, n int) []Match {
	words := words(beforeExcept(title), ix.known)
	words = slices.Compact(slices.Sorted(slices.Values(words)))
	t := ix.scratch.Get().(*tally)
	defer ix.scratch.Put(t)
	most := 0.0
	for _, w := range words {
		idf, known := ix.idf[w]
		if !known {
			idf = ix.unknownIDF // a word no role has counts against every role
		}
		content := seniority[w] == ""
		weight := float32(1)
		if !content {
			weight = seniorityWeight
		}
		most += idf * (k1 + 1) * float64(weight)
		for _, p := range ix.postings[w] {
			if t.score[p.role] == 0 {
				t.touched = append(t.touched, p.role)
			}
			t.score[p.role] += p.weight * weight
			t.content[p.role] = t.content[p.role] || content
		}
	}
	ix.markExact(t, words)
	out := ix.best(t, n, most, Seniority(title))
	for i := range out {
		r, _ := slices.BinarySearch(ix.roles, out[i].Role)
		out[i].Title = ix.closestTitle(words, r)
		for _, w := range words {
			if _, held := slices.BinarySearchFunc(ix.postings[w], int32(r), func(p posting, r int32) int { return cmp.Compare(p.role, r) }); held {
				out[i].Words = append(out[i].Words, w)
			}
		}
	}
	return out
}

// best takes the n best of a tally's roles, and clears the tally for its next use.
func (ix *Index) best(t *tally, n int, most float64, stated string) []Match {
	better := func(a, b Match) int { return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Role, b.Role)) }
	out := make([]Match, 0, n+1)
	for _, r := range t.touched {
		role := ix.roles[r]
		m := Match{Role: role, Score: banded(float64(t.score[r])/most, t.exact[r]) * fitsSeniority(stated, ix.levels[role])}
		content := t.content[r]
		t.score[r], t.content[r], t.exact[r] = 0, false, 0
		if !content || len(out) == n && m.Score < out[n-1].Score {
			continue // a role sharing only seniority words with the title ("Senior") is no match
		}
		if len(out) == n && m.Score < out[n-1].Score {
			continue
		}
		if at, _ := slices.BinarySearchFunc(out, m, better); at < n {
			out = slices.Insert(out, at, m)[:min(n, len(out)+1)]
		}
	}
	t.touched = t.touched[:0]
	return out
}

// closestTitle is role r's title sharing the most of the query's words, of those the one
// with the fewest other words ("" when it has none).
func (ix *Index) closestTitle(query []string, r int) string {
	tw := ix.titleWords[r]
	var ids []uint32
	for _, w := range query {
		if id, ok := ix.wordIDs[w]; ok {
			ids = append(ids, id)
		}
	}
	best, most, fewest := "", -1, 0
	for k := range ix.titles[r].count() {
		have, shared, others := tw.ids[start(tw.ends, k):tw.ends[k]], 0, 0
		for _, id := range ids {
			if slices.Contains(have, id) {
				shared++
			}
		}
		for _, id := range have {
			if !slices.Contains(ids, id) {
				others++
			}
		}
		if shared > most || shared == most && others < fewest {
			best, most, fewest = ix.titles[r].at(k), shared, others
		}
	}
	return best
}

// clone copies w into lists of the length they need, so that a scratch list can be reused.
func (w titleWords) clone() titleWords {
	return titleWords{slices.Clone(w.ids), slices.Clone(w.ends)}
}

// start is where title k's words begin.
func start(ends []uint32, k int) uint32 {
	if k == 0 {
		return 0
	}
	return ends[k-1]
}

// number returns the numbers of words, numbering new ones.
func (ix *Index) number(words []string) []uint32 {
	out := make([]uint32, len(words))
	for i, w := range words {
		id, ok := ix.wordIDs[w]
		if !ok {
			id = uint32(len(ix.wordIDs))
			ix.wordIDs[w] = id
		}
		out[i] = id
	}
	return out
}

// ForRoles indexes roles by their titles, alternate titles and summaries; a title that is
// exactly one of the titles of an O*NET occupation a role is classified as counts as one
// of the role's alternate titles (see inheritTitles). Seniority words
// in a query choose between the levels of roles that are not O*NET occupations (whose
// level comes from a job zone, not from the title): "Senior Systems Engineer" goes to the
// senior curated role, not the mid-level one.
func ForRoles(roles []domain.Role) *Index {
	all := make([]named, len(roles))
	levels := map[string]string{}
	for i, r := range roles {
		all[i] = named{id: r.ID, title: r.Title, titled: true, alternates: r.AlternateTitles, description: r.Summary}
		if occupation := len(r.SocCodes) == 1 && onet.ID(r.SocCodes[0]) == r.ID; !occupation && r.Level != "" {
			levels[r.ID] = r.Level
		}
	}
	ix := build(all)
	ix.levels = levels
	ix.inheritTitles(roles)
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

// minNear is the shortest word a misspelling of which is still recognised, maxNear the
// longest looked at (the look costs the square of a word's length; no title word is that long).
const minNear, maxNear = 5, 40

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
	if _, ok := ix.idf[w]; ok || len(w) < minNear || len(w) > maxNear {
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

// known turns a word of a query into the index's words: its stem when the index knows
// it; else the title word it likely misspells; else the known words it is made of
// ("glassblower": glass blower) or, failing that, the longest known word it ends with
// ("neuroradiologist": radiologist); else its stem, unknown. Several words come space-separated.
func (ix *Index) known(w string) string {
	stem := similarity.Stem(w)
	if s := ix.spell(stem); s != stem || ix.knows(stem) || len(w) < minCompound || len(w) > maxNear {
		return s
	}
	best, balance := "", 0 // the split whose shorter part is longest
	for i := minPart; i <= len(w)-minPart; i++ {
		if !utf8.RuneStart(w[i]) {
			continue // cut between letters, never inside one
		}
		a, b := similarity.Stem(w[:i]), similarity.Stem(w[i:])
		if ix.knows(a) && ix.knows(b) && min(i, len(w)-i) > balance {
			best, balance = a+" "+b, min(i, len(w)-i)
		}
	}
	if best != "" {
		return best
	}
	for i := 1; i <= len(w)-minSuffix; i++ {
		if b := similarity.Stem(w[i:]); utf8.RuneStart(w[i]) && ix.knows(b) {
			return b
		}
	}
	return stem
}

// knows reports whether a stemmed word is in the index.
func (ix *Index) knows(w string) bool {
	_, ok := ix.idf[w]
	return ok
}

// seniorityWeight is what a seniority word counts for in BM25, as a share of its weight:
// it states a level, not a job, and is rare in O*NET's titles, so at full weight "Senior
// Software Engineer" went to a senior role of another kind before the software developers.
const seniorityWeight = 0.25

// minCompound is the shortest unknown word split into known ones, minPart the shortest
// part, minSuffix the shortest known ending that stands for the whole word.
const minCompound, minPart, minSuffix = 7, 3, 6

// beforeExcept is a title without the exclusions O*NET names after "Except" ("Sales
// Representatives, Wholesale and Manufacturing, Except Technical and Scientific
// Products"): words a title excludes must not match it.
func beforeExcept(title string) string {
	lower := []byte(title) // ASCII-folded, so that its indexes are the title's own
	for i, c := range lower {
		if 'A' <= c && c <= 'Z' {
			lower[i] = c + 'a' - 'A'
		}
	}
	for _, sep := range []string{", except ", " except "} {
		if i := strings.Index(string(lower), sep); i > 0 {
			return title[:i]
		}
	}
	return title
}
