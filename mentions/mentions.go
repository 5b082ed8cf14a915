// Package mentions finds the skills, technologies and certifications a text names (a
// résumé, a job ad) by their names and the shorter names people write for them, with
// where each was found. It is pure text work over plain values; nothing here reads the
// graph.
package mentions

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/careergraph/careergraph/similarity"
)

// Term is something a text may name: a skill or a certification. Initials says its
// initials name it too ("Amazon Web Services", "AWS"): true only where a text's capitals
// are likely to mean it (a curated skill, yes; one of thousands of product names, whose
// initials collide with everyday acronyms such as BLS, no).
type Term struct {
	ID, Name      string
	Certification bool
	Initials      bool
}

// Mention is a term found in a text: where (Offset and Length count Unicode characters),
// the words as written, and how sure the match is, from 0 to 1.
type Mention struct {
	ID            string
	Certification bool
	Offset        int
	Length        int
	Text          string
	Confidence    float64
}

// Confidence of a match by what it matched: a term's whole name of several words, its
// whole name of one word, a shorter name derived from it, and a common word or a very
// short name, found only as written (capitalised, mid-sentence).
const (
	wholeName    = 0.95
	wholeWord    = 0.9
	shorterName  = 0.8
	writtenAsIs  = 0.5
	minFormRunes = 2
)

// form is one way a term is written: its words, and whether it is matched only as written.
type form struct {
	words      []string // lower case
	raw        string   // as the name writes it, for forms matched as written
	term       int
	confidence float64
	asWritten  bool // found only as written and not opening a sentence (a common word)
	exactCase  bool // found only as written, or with a plural s (an acronym: "AWS", "RHEL", "VLANs")
}

// Dictionary finds terms in texts. It is never changed after New, so it is safe to share.
type Dictionary struct {
	terms []Term
	forms map[string][]form // by first word, longest first
}

// New builds a dictionary of terms. prose is ordinary text of the domain (descriptions,
// summaries): a one-word name that is also a word of it ("Excel", "Project", "Go") is
// found only capitalised as written and not at the start of a sentence.
func New(terms []Term, prose []string) *Dictionary {
	common := commonWords(prose)
	d := &Dictionary{terms: terms, forms: map[string][]form{}}
	for i, t := range terms {
		seen := map[string]bool{}
		for k, name := range names(t.Name, t.Initials) {
			ws := words(name)
			key := strings.Join(ws, " ")
			if len(ws) == 0 || seen[key] || utf8.RuneCountInString(key) < minFormRunes {
				continue
			}
			seen[key] = true
			f := form{words: ws, raw: strings.TrimSpace(name), term: i, confidence: shorterName}
			switch {
			case k == 0 && len(ws) > 1:
				f.confidence = wholeName
			case k == 0:
				f.confidence = wholeWord
			}
			switch {
			case len(ws) == 1 && (common[ws[0]] || utf8.RuneCountInString(ws[0]) <= 2):
				f.asWritten, f.confidence = true, writtenAsIs
			case k > 0 && len(ws) == 1 && isAcronym(f.raw) && strings.ToUpper(f.raw) == f.raw:
				f.exactCase = true
			}
			d.forms[ws[0]] = append(d.forms[ws[0]], f)
		}
	}
	for _, fs := range d.forms {
		slices.SortStableFunc(fs, func(a, b form) int { return cmp.Compare(len(b.words), len(a.words)) })
	}
	return d
}

// Find returns the terms text names, in the order they appear; a term named twice is
// found twice. At each place the longest name wins; a version number written right after
// a name ("Windows 11") is part of the mention, and lets a common word that names a
// product ("Windows", "Excel") be found at the start of a line.
func (d *Dictionary) Find(text string) []Mention {
	toks := tokens(text)
	var out []Mention
	runes, counted := 0, 0 // characters in text[:counted]
	for i := 0; i < len(toks); {
		n, found := d.matchAt(text, toks, i)
		if n > 0 && i+n < len(toks) && isVersion(toks[i+n].norm) && toks[i+n].start == toks[i+n-1].end+1 {
			n++ // the version written after the name is part of the mention
		}
		if n == 0 {
			i++
			continue
		}
		start, end := toks[i].start, toks[i+n-1].end
		runes += utf8.RuneCountInString(text[counted:start])
		counted = start
		for _, f := range found {
			t := d.terms[f.term]
			out = append(out, Mention{ID: t.ID, Certification: t.Certification, Offset: runes,
				Length: utf8.RuneCountInString(text[start:end]), Text: text[start:end], Confidence: f.confidence})
		}
		i += n
	}
	return out
}

// matchAt returns how many tokens from i the longest form there covers, and every form of
// that length that matches (several terms may share a name).
func (d *Dictionary) matchAt(text string, toks []token, i int) (int, []form) {
	var found []form
	n := 0
	for _, f := range d.forms[toks[i].norm] {
		if len(f.words) < n || i+len(f.words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range f.words {
			ok = ok && toks[i+k].norm == w
		}
		if ok && (f.asWritten || f.exactCase) {
			versioned := i+1 < len(toks) && isVersion(toks[i+1].norm) && toks[i+1].start == toks[i].end+1
			raw := text[toks[i].start:toks[i].end]
			ok = (raw == f.raw || f.exactCase && raw == f.raw+"s") && (f.exactCase || versioned || !sentenceStart(text, toks[i].start))
		}
		if ok && !slices.ContainsFunc(found, func(g form) bool { return g.term == f.term }) {
			n, found = len(f.words), append(found, f)
		}
	}
	return n, found
}

// names are the ways a name is written: the name itself first, then without what it
// puts in brackets, each item of the brackets, each side of one "and" ("Prometheus and
// Grafana"), when initials is set the initials of three or more capitalised words
// ("AWS"), without a vendor's name in front, and the product-like words that lead a name
// before its first plain word ("OSPF routing" → "OSPF", "VMware vSphere clustering" →
// "VMware vSphere").
func names(name string, initials bool) []string {
	out := []string{name}
	base, inner, hasInner := strings.Cut(name, "(")
	if hasInner {
		base = strings.TrimSpace(base)
		out = append(out, base)
		inner, _, _ = strings.Cut(inner, ")")
		for _, item := range strings.Split(inner, ",") {
			if item = strings.TrimSpace(item); utf8.RuneCountInString(item) >= 3 {
				out = append(out, item)
			}
		}
	}
	if left, right, ok := strings.Cut(base, " and "); ok && !strings.Contains(right, " and ") {
		out = append(out, strings.TrimSpace(left), strings.TrimSpace(right))
	}
	fields := strings.Fields(base)
	if initials {
		if abbr := initialism(fields); abbr != "" {
			out = append(out, abbr)
		}
	}
	for n := len(fields) - 1; n >= 1; n-- {
		if vendors[strings.Join(fields[:n], " ")] {
			out = append(out, strings.Join(fields[n:], " "))
			break
		}
	}
	if k := slices.IndexFunc(fields, isLower); k >= 1 && !slices.ContainsFunc(fields[:k], notProductLike) {
		out = append(out, strings.Join(fields[:k], " "))
	}
	return out
}

// initialism is the initials of a name of three or more capitalised words ("Amazon Web
// Services" → "AWS"), or "".
func initialism(fields []string) string {
	if len(fields) < 3 {
		return ""
	}
	var b strings.Builder
	for _, f := range fields {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) || isAcronym(f) {
			return ""
		}
		b.WriteRune(r)
	}
	return b.String()
}

// notProductLike reports whether a word does not look like a product's or a protocol's
// name: no acronym ("OSPF", "VMware"), no capital inside ("vSphere"), no digit or symbol
// ("Hyper-V").
func notProductLike(w string) bool {
	inner := strings.IndexFunc(w[min(1, len(w)):], unicode.IsUpper) >= 0
	return !isAcronym(w) && !inner && !strings.ContainsAny(w, "-0123456789+#.")
}

func isLower(w string) bool { return !hasUpper(w) }

// vendors are the makers whose names lead product and certification names and that
// people leave out ("Microsoft Active Directory" is written "Active Directory").
var vendors = map[string]bool{}

func init() {
	for _, v := range strings.Split(`Microsoft|Oracle|IBM|Adobe|Autodesk|SAP|Google|Apple|Amazon|AWS|Cisco|CompTIA|
		VMware|Apache|Red Hat|Palo Alto Networks|CrowdStrike|Nutanix|Intuit|Salesforce|Atlassian|Citrix|Dell|HP|
		Symantec|McAfee|Juniper|Fortinet|SolarWinds|Splunk|Tableau|Epic|Cerner|Esri|ESRI|Siemens|Rockwell|Bentley|
		Corel|Infor|Workday|Zoho|Mozilla|JetBrains|HashiCorp`, "|") {
		vendors[strings.TrimSpace(v)] = true
	}
}

// commonWords are the lower-case words of ordinary prose, with a few that job texts use
// all the time.
func commonWords(prose []string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(`go do make word access excel project office outlook teams slack box
		chef puppet salt visio notes share point basic pascal ruby swift rust dart julia scheme prolog
		keys pages numbers photos mail maps drive forms sheets docs sites meet chrome edge bridge premiere
		animate dimension acrobat reader express quicken act analyze spark hive pig flume storm kafka
		camel jenkins maven gradle ant tomcat jetty nginx apache oracle sage epic ace apex sas stata
		minitab vision capture dragon shadow monitor remedy`) {
		out[similarity.Stem(w)] = true
	}
	for _, p := range prose {
		for _, t := range tokens(p) {
			if raw := p[t.start:t.end]; raw == strings.ToLower(raw) { // written in lower case in prose: a plain word
				out[t.norm] = true
			}
		}
	}
	return out
}

// token is a word of a text: its byte span and its form compared (see fold).
type token struct {
	start, end int
	norm       string
}

// tokens splits text into words: runs of letters and digits, a dot joining two such runs
// ("Node.js", "ADO.NET") or leading one (".NET"), with a trailing "+" or "#" ("C++",
// "C#", "Security+").
func tokens(text string) []token {
	var out []token
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		lead := r == '.' && wordAt(text, i+size) && (i == 0 || !wordBefore(text, i))
		if !isWordRune(r) && !lead {
			i += size
			continue
		}
		start := i
		for i += size; i < len(text); i += size {
			r, size = utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) && (r != '.' || !wordAt(text, i+size)) {
				break
			}
		}
		for i < len(text) && (text[i] == '+' || text[i] == '#') {
			i++
		}
		out = append(out, token{start, i, fold(text[start:i])})
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordAt reports whether a letter or digit starts at byte i of text.
func wordAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[min(i, len(text)):])
	return i < len(text) && isWordRune(r)
}

// wordBefore reports whether a letter or digit ends just before byte i of text.
func wordBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return i > 0 && isWordRune(r)
}

// fold is a word as compared: lower case, a plural folded unless the word is written in
// capitals ("ACLs" is the plural of ACL; "ACLS" is another acronym).
func fold(w string) string {
	lower := strings.ToLower(w)
	if utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) == w && lower != w {
		return lower
	}
	return similarity.Stem(lower)
}

func words(name string) []string {
	var out []string
	for _, t := range tokens(name) {
		out = append(out, t.norm)
	}
	return out
}

// sentenceStart reports whether the word at byte i opens a sentence, a line or a list item.
func sentenceStart(text string, i int) bool {
	before := strings.TrimRightFunc(text[:i], func(r rune) bool { return r == ' ' || r == '\t' || r == '"' || r == '(' })
	if before == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(".!?:;\n\r•*-–—|", last)
}

// isVersion reports whether a word is a version number written after a name: digits,
// perhaps with a letter or two ("11", "2019", "R2", "8i").
func isVersion(w string) bool {
	digits := 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	return digits > 0 && len(w)-digits <= 2 && len(w) <= 6
}

func isAcronym(w string) bool {
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2 && utf8.RuneCountInString(w) >= 3
}

func hasUpper(w string) bool { return strings.IndexFunc(w, unicode.IsUpper) >= 0 }
