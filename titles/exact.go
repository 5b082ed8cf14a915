package titles

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/onet"
)

// A title whose words are exactly those of one of a role's titles, as the matcher reads
// them, puts the role in a band of its own: "Carpenters" is the carpenters, and "Plumber",
// an alternate title of the plumbers, is not their helpers, whose text holds the word more
// densely. The classes, and the bands their scores fall in (see banded):
const (
	otherTitle   uint8 = iota // no title of the role's: 0 to 0.7
	anotherTitle              // one of its alternate titles: 0.7 to 0.8
	ownTitle                  // its own title: 0.8 to 1
)

// banded is a role's score from the share of BM25 its text earns for a title (0 to 1)
// and the title's class.
func banded(share float64, class uint8) float64 {
	switch class {
	case ownTitle:
		return 0.8 + 0.2*share
	case anotherTitle:
		return 0.7 + 0.1*share
	}
	return 0.7 * share
}

// titleKey is a title's words as a set, hashed (setHash), and a role it is a title of
// (its own, or one of the occupations the role inherits titles from).
type titleKey struct {
	hash uint32
	role int32
}

// addKeys records the exact-title keys of role i's title, whose words are ids: the
// title's, and its parts'.
func (ix *Index) addKeys(ids []uint32, title string, i int) {
	if len(ids) > 0 {
		ix.keys = append(ix.keys, titleKey{setHash(ids), int32(i)})
	}
	for _, part := range parts(title) {
		if ids := ix.number(Words(beforeExcept(part))); len(ids) > 0 {
			ix.keys = append(ix.keys, titleKey{setHash(ids), int32(i)})
		}
	}
}

// titleCount is how many titles roles have.
func titleCount(roles []named) int {
	n := 0
	for _, r := range roles {
		n += r.count()
	}
	return n
}

// sortKeys sorts the keys by hash, so that a title's are found by binary search.
func (ix *Index) sortKeys() {
	slices.SortFunc(ix.keys, func(a, b titleKey) int {
		return cmp.Or(cmp.Compare(a.hash, b.hash), cmp.Compare(a.role, b.role))
	})
	ix.keys = slices.Compact(ix.keys)
}

// inheritTitles gives each role that is not an O*NET occupation the titles of the
// occupations it is classified as, as alternate titles for exact matches only ("Help Desk
// Analyst", a title of Computer User Support Specialists, is exactly a title of the help
// desk technician the guide classifies as them); BM25 reads the role's own text alone.
func (ix *Index) inheritTitles(roles []domain.Role) {
	for _, r := range roles {
		if len(r.SocCodes) == 1 && onet.ID(r.SocCodes[0]) == r.ID {
			continue
		}
		role, found := slices.BinarySearch(ix.roles, r.ID)
		for _, soc := range r.SocCodes {
			o, known := slices.BinarySearch(ix.roles, onet.ID(soc))
			if !found || !known || o == role || slices.Contains(ix.inherits[int32(role)], int32(o)) {
				continue
			}
			if ix.inherits == nil {
				ix.inherits = map[int32][]int32{}
			}
			ix.inherits[int32(role)] = append(ix.inherits[int32(role)], int32(o))
			tw := ix.titleWords[o]
			for k := range tw.ends {
				ix.addKeys(tw.ids[start(tw.ends, k):tw.ends[k]], ix.titles[o].at(k), role)
			}
		}
	}
	ix.sortKeys()
}

// markExact notes in t each scored role that has a title of exactly words, and its class;
// when none has, each that has a title of exactly the words other than seniority words
// ("Lead Carpenter" is a carpenter, "Senior Software Engineer" a software engineer).
func (ix *Index) markExact(t *tally, words []string) {
	if ix.markTitle(t, words) || !slices.ContainsFunc(words, isSeniority) {
		return
	}
	ix.markTitle(t, slices.DeleteFunc(slices.Clone(words), isSeniority))
}

// isSeniority reports whether w is a seniority word.
func isSeniority(w string) bool { return seniority[w] != "" }

// markTitle is markExact for exactly words; it reports whether any role has such a title.
func (ix *Index) markTitle(t *tally, words []string) bool {
	ids, ok := ix.titleIDs(words)
	if !ok {
		return false
	}
	marked := false
	h := setHash(ids)
	at, _ := slices.BinarySearchFunc(ix.keys, h, func(k titleKey, h uint32) int { return cmp.Compare(k.hash, h) })
	for ; at < len(ix.keys) && ix.keys[at].hash == h; at++ {
		k := ix.keys[at]
		if t.score[k.role] == 0 {
			continue // shares no word with the title
		}
		class := ix.sameTitle(ids, k.role)
		for _, o := range ix.inherits[k.role] {
			class = max(class, min(ix.sameTitle(ids, o), anotherTitle)) // the occupation's own title is another of the role's
		}
		t.exact[k.role] = max(t.exact[k.role], class)
		marked = marked || class != otherTitle
	}
	return marked
}

// setHash hashes a set of word numbers, whatever their order and repeats (FNV-1a over
// them sorted, each once).
func setHash(ids []uint32) uint32 {
	var buf [8]uint32
	set := append(buf[:0], ids...)
	slices.Sort(set)
	set = slices.Compact(set)
	h := uint32(2166136261)
	for _, id := range set {
		for range 4 {
			h = (h ^ id&0xff) * 16777619
			id >>= 8
		}
	}
	return h
}

// titleIDs are the numbers of a query's words; false when a word is in no role's title,
// so that no title can have exactly them.
func (ix *Index) titleIDs(words []string) ([]uint32, bool) {
	ids := make([]uint32, len(words))
	for i, w := range words {
		id, ok := ix.wordIDs[w]
		if !ok {
			return nil, false
		}
		ids[i] = id
	}
	return ids, len(ids) > 0
}

// sameTitle is the class of role r's titles for a title of exactly the words ids (each
// once, in any order), a title or one of its parts: ownTitle, anotherTitle, or otherTitle
// when none has them.
func (ix *Index) sameTitle(ids []uint32, r int32) uint8 {
	tw, named := ix.titleWords[r], ix.titles[r]
	for k := range named.count() {
		same := sameWords(tw.ids[start(tw.ends, k):tw.ends[k]], ids)
		for _, part := range parts(named.at(k)) {
			known, ok := ix.titleIDs(Words(beforeExcept(part)))
			same = same || ok && sameWords(known, ids)
		}
		if same && k == 0 && named.titled {
			return ownTitle
		} else if same {
			return anotherTitle
		}
	}
	return otherTitle
}

// parts are the names a title with a bracketed part holds besides itself: the words
// outside the brackets ("NOC Technician (Network Operations Center Technician)" is a NOC
// technician), and those inside when they name the same job, written out or shortened
// (the same last word, or either side an abbreviation: "MD (Medical Doctor)"), not when
// they qualify it ("Electronic Warfare Technician (Advanced Application)"). None for a
// title without brackets.
func parts(title string) []string {
	open, end := strings.IndexByte(title, '('), strings.LastIndexByte(title, ')')
	if open < 0 || end < open {
		return nil
	}
	outside, inside := strings.TrimSpace(title[:open]+" "+title[end+1:]), title[open+1:end]
	a, b := Words(outside), Words(inside)
	if len(a) == 0 || len(b) == 0 {
		return nil
	}
	if a[len(a)-1] == b[len(b)-1] || abbreviated(outside) || abbreviated(inside) {
		return []string{outside, inside}
	}
	return []string{outside}
}

// abbreviated reports whether a name's last word is an abbreviation: two or more capital
// letters and no small ones ("DJ", "MD", "RN").
func abbreviated(name string) bool {
	fields := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(fields) == 0 {
		return false
	}
	last := fields[len(fields)-1]
	return utf8.RuneCountInString(last) >= 2 && strings.ToUpper(last) == last && strings.ToLower(last) != last
}

// Names are the ways a title is read exactly, each as its words sorted, each once: the
// title, then its parts (see parts). A title and a query that share a name are one title
// to the matcher.
func Names(title string) []string {
	var out []string
	for _, t := range append([]string{title}, parts(title)...) {
		out = append(out, strings.Join(slices.Compact(slices.Sorted(slices.Values(Words(beforeExcept(t))))), " "))
	}
	return out
}

// sameWords reports whether a title's word numbers (repeats allowed) are exactly the set ids.
func sameWords(have, ids []uint32) bool {
	if len(have) < len(ids) {
		return false
	}
	for _, id := range have {
		if !slices.Contains(ids, id) {
			return false
		}
	}
	for _, id := range ids {
		if !slices.Contains(have, id) {
			return false
		}
	}
	return true
}
