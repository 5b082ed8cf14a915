package httpapi_test

import (
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// titleAnswer is one title's matches as classifyTitles returns them.
type titleAnswer struct {
	Title   string
	Matches []struct {
		Role         struct{ ID, Title string }
		Score        float64
		Soc          *string
		MatchedTitle string
		Words        []string
	}
}

func classify(t *testing.T, srv *httptest.Server, titles []string, first int) []titleAnswer {
	t.Helper()
	var data struct{ ClassifyTitles []titleAnswer }
	noErrors(t, query(t, srv, `query($t: [String!]!, $n: Int) { classifyTitles(titles: $t, first: $n) {
		title matches { role { id title } score soc matchedTitle words } } }`, map[string]any{"t": titles, "n": first}, &data))
	if len(data.ClassifyTitles) != len(titles) {
		t.Fatalf("%d titles gave %d answers", len(titles), len(data.ClassifyTitles))
	}
	return data.ClassifyTitles
}

// Words in, roles out, over the whole of O*NET: titles as written name a fitting role
// first, every occupation's own title names it, bad input is refused with its reason, a
// résumé yields the skills it names with their places, and profiles start from words.
func wordsOverONet(t *testing.T, srv *httptest.Server) {
	t.Run("titles as written", func(t *testing.T) { titlesAsWritten(t, srv) })
	t.Run("every occupation's title", func(t *testing.T) { everyOccupationTitle(t, srv) })
	t.Run("bad titles refused", func(t *testing.T) { badWordsRefused(t, srv) })
	t.Run("skills from a résumé", func(t *testing.T) { skillsFromResume(t, srv) })
	t.Run("profiles from words", func(t *testing.T) { profilesFromWords(t, srv) })
	t.Run("curated titles", func(t *testing.T) { curatedTitlesStartThere(t, srv) })
}

// curatedTitlesStartThere: every title and alternate title of every curated role, as a
// profile's title, starts at that role, though O*NET's occupations hold many of them too
// ("Cloud Engineer", "Systems Engineer", "Incident Commander").
func curatedTitlesStartThere(t *testing.T, srv *httptest.Server) {
	var asked int
	for _, r := range allRoles(t, srv) {
		if strings.HasPrefix(r.ID, "onet-") {
			continue
		}
		var role struct {
			Role struct {
				Title           string
				AlternateTitles []string
			}
		}
		noErrors(t, query(t, srv, `query($id: ID!) { role(id: $id) { title alternateTitles } }`, map[string]any{"id": r.ID}, &role))
		for _, title := range append([]string{role.Role.Title}, role.Role.AlternateTitles...) {
			var data struct {
				Recommendations struct {
					Start struct{ Role struct{ ID string } }
				}
			}
			noErrors(t, query(t, srv, `query($t: String!) { recommendations(profile: {title: $t}, first: 1) { start { role { id } } } }`,
				map[string]any{"t": title}, &data))
			if got := data.Recommendations.Start.Role.ID; got != r.ID {
				t.Errorf("%q starts at %s, want %s", title, got, r.ID)
			}
			asked++
		}
	}
	if asked < 30 {
		t.Errorf("only %d curated titles asked", asked)
	}
}

func titlesAsWritten(t *testing.T, srv *httptest.Server) {
	want := map[string][]string{ // fitting roles: O*NET-SOC code prefixes, or curated ids
		"Desktop Support Tech II":   {"15-1232"},
		"Sr. Linux Admin":           {"15-1244"},
		"RN - ICU":                  {"29-1141"},
		"CDL-A Truck Driver":        {"53-3032"},
		"Registred Nurse":           {"29-1141"}, // misspelt
		"Senior Systems Engineer":   {"senior-it-infrastructure-engineer"},
		"help desk analyst":         {"15-1232"},
		"Jr. Sysadmin":              {"junior-systems-administrator"},
		"LPN":                       {"29-2061"},
		"Mgr, IT Infrastructure":    {"it-infrastructure-manager", "11-3021"},
		"Cloud Engineer (AWS)":      {"cloud-engineer"},
		"Software Dev III":          {"15-1252"},
		"Accts Payable Clerk":       {"43-3031"},
		"Line Cook":                 {"35-2014", "35-2015"},
		"Elementary School Teacher": {"25-2021"},
		"Plumber":                   {"47-2152"}, // an alternate title of the plumbers, not of their helpers
		"Data Analyst":              {"15-2041", "15-2051", "15-1243"},
	}
	titles := slices.Sorted(func(yield func(string) bool) {
		for k := range want {
			if !yield(k) {
				return
			}
		}
	})
	for _, a := range classify(t, srv, titles, 3) {
		if len(a.Matches) == 0 {
			t.Errorf("%q matched nothing", a.Title)
			continue
		}
		m := a.Matches[0]
		fits := slices.ContainsFunc(want[a.Title], func(w string) bool {
			return m.Role.ID == w || m.Soc != nil && strings.HasPrefix(*m.Soc, w)
		})
		if !fits || m.Score <= 0 || m.Score > 1 || m.MatchedTitle == "" || len(m.Words) == 0 {
			t.Errorf("%q: first %s %q (soc %v, score %.3f, matched %q, words %v), want one of %v",
				a.Title, m.Role.ID, m.Role.Title, deref(m.Soc), m.Score, m.MatchedTitle, m.Words, want[a.Title])
		}
		for i := 1; i < len(a.Matches); i++ {
			if a.Matches[i].Score > a.Matches[i-1].Score {
				t.Errorf("%q: matches out of order at %d", a.Title, i)
			}
		}
	}
	blank := classify(t, srv, []string{"", "   ", "Zqxv Wvuts"}, 5)
	for _, a := range blank {
		if len(a.Matches) != 0 {
			t.Errorf("%q matched %+v; want nothing", a.Title, a.Matches)
		}
	}
}

// Every O*NET occupation's own title, asked in batches of 100, names that occupation (or
// a curated role classified as it) first, nearly always.
func everyOccupationTitle(t *testing.T, srv *httptest.Server) {
	type occupation struct {
		ID, Title string
		SocCodes  []string
	}
	var all []occupation
	for after := ""; ; {
		var page struct {
			Roles struct {
				Nodes    []occupation
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
			}
		}
		noErrors(t, query(t, srv, `query($a: String) { roles(first: 100, after: $a) { nodes { id title socCodes }
			pageInfo { hasNextPage endCursor } } }`, map[string]any{"a": after}, &page))
		for _, n := range page.Roles.Nodes {
			if strings.HasPrefix(n.ID, "onet-") {
				all = append(all, n)
			}
		}
		if !page.Roles.PageInfo.HasNextPage {
			break
		}
		after = page.Roles.PageInfo.EndCursor
	}
	if len(all) < 1000 {
		t.Fatalf("%d occupations", len(all))
	}
	right := 0
	for start := 0; start < len(all); start += 100 {
		batch := all[start:min(start+100, len(all))]
		var titles []string
		for _, o := range batch {
			titles = append(titles, o.Title)
		}
		for i, a := range classify(t, srv, titles, 1) {
			if len(a.Matches) > 0 && (a.Matches[0].Role.ID == batch[i].ID || a.Matches[0].Soc != nil && *a.Matches[0].Soc == batch[i].SocCodes[0]) {
				right++
			} else if len(a.Matches) > 0 {
				t.Logf("%q named %s %q first", a.Title, a.Matches[0].Role.ID, a.Matches[0].Role.Title)
			}
		}
	}
	if share := float64(right) / float64(len(all)); share < 0.98 {
		t.Errorf("%d of %d occupations' own titles name them first (%.3f); want at least 0.98", right, len(all), share)
	}
}

func badWordsRefused(t *testing.T, srv *httptest.Server) {
	many := make([]string, 101)
	for i := range many {
		many[i] = "Nurse"
	}
	for name, c := range map[string]struct {
		doc  string
		vars map[string]any
		says string
	}{
		"101 titles":  {`query($t: [String!]!) { classifyTitles(titles: $t) { title } }`, map[string]any{"t": many}, "1 to 100 titles"},
		"no titles":   {`{ classifyTitles(titles: []) { title } }`, nil, "1 to 100 titles"},
		"first 0":     {`{ classifyTitles(titles: ["Nurse"], first: 0) { title } }`, nil, "first must be between 1 and 20"},
		"long title":  {`query($t: [String!]!) { classifyTitles(titles: $t) { title } }`, map[string]any{"t": []string{"Nurse", strings.Repeat("é", 201)}}, "title 2 is 201 characters"},
		"long text":   {`query($s: String!) { extractSkills(text: $s) { skills { offset } } }`, map[string]any{"s": strings.Repeat("a", 20_001)}, "20001 characters long"},
		"both":        {`{ recommendations(profile: {currentRole: "help-desk-technician", title: "Nurse"}) { roles { score } } }`, nil, "either currentRole or title"},
		"long résumé": {`query($s: String!) { recommendations(profile: {text: $s}) { roles { score } } }`, map[string]any{"s": strings.Repeat("Linux ", 4000)}, "at most 20000"},
		"empty":       {`{ recommendations(profile: {title: " ", text: "nothing known here"}) { roles { score } } }`, nil, "the profile is empty"},
	} {
		r := query(t, srv, c.doc, c.vars, nil)
		if r.code(0) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, c.says) {
			t.Errorf("%s: %+v, want BAD_USER_INPUT saying %q", name, r.Errors, c.says)
		}
	}
	r := query(t, srv, `{ skillGap(profile: {title: "Zqxv Wvuts"}, to: "systems-administrator") { total } }`, nil, nil)
	if r.code(0) != "NOT_FOUND" || !strings.Contains(r.Errors[0].Message, "names no role") {
		t.Errorf("unknown title: %+v, want NOT_FOUND saying it names no role", r.Errors)
	}
	// Priced per title: a deep selection for one title runs; for 100 it is refused unrun.
	deep := `query($t: [String!]!) { classifyTitles(titles: $t, first: 20) { matches { role { skills { skill { name } } technologies { technology { name } } } } } }`
	noErrors(t, query(t, srv, deep, map[string]any{"t": []string{"Nurse"}}, nil))
	if r := query(t, srv, deep, map[string]any{"t": many[:100]}, nil); r.code(0) != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("100 titles with every match's skills and technologies: %+v, want COMPLEXITY_LIMIT_EXCEEDED", r.Errors)
	}
}

// mentionAnswer is a skill or certification found in a text.
type mentionAnswer struct {
	Skill, Certification *struct{ ID string }
	Offset, Length       int
	Text                 string
	Confidence           float64
}

func skillsFromResume(t *testing.T, srv *httptest.Server) {
	text := "Résumé — Desktop support, 4 years. I reset Active Directory accounts in ServiceNow and image Windows 11 " +
		"laptops. Excellent communicator who will go the extra mile. Certified: CompTIA Security+, CCNA."
	var data struct {
		ExtractSkills struct{ Skills, Certifications []mentionAnswer }
	}
	noErrors(t, query(t, srv, `query($s: String!) { extractSkills(text: $s) {
		skills { skill { id } offset length text confidence }
		certifications { certification { id } offset length text confidence } } }`, map[string]any{"s": text}, &data))
	runes := []rune(text)
	found := map[string]string{}
	for _, m := range append(data.ExtractSkills.Skills, data.ExtractSkills.Certifications...) {
		id := ""
		if m.Skill != nil {
			id = m.Skill.ID
		} else {
			id = m.Certification.ID
		}
		found[id] = m.Text
		if m.Offset+m.Length > len(runes) || string(runes[m.Offset:m.Offset+m.Length]) != m.Text || m.Confidence <= 0 || m.Confidence > 1 {
			t.Errorf("%s: offset %d length %d does not point at %q in characters, or confidence %v", id, m.Offset, m.Length, m.Text, m.Confidence)
		}
	}
	for id, text := range map[string]string{"active-directory": "Active Directory", "tech-microsoft-active-directory": "Active Directory",
		"tech-servicenow": "ServiceNow", "tech-microsoft-windows": "Windows 11", "comptia-security-plus": "CompTIA Security+", "cisco-ccna": "CCNA"} {
		if found[id] != text {
			t.Errorf("%s found as %q, want %q (all: %v)", id, found[id], text, found)
		}
	}
	for id := range found {
		if strings.Contains(id, "excel") || id == "tech-go" {
			t.Errorf("%s found in %q: a word that only looks alike", id, text)
		}
	}
	// A nurse's acronyms are not IT's: BLS is not Blackboard Learning System, nor ACLS ACLs.
	var nurse struct {
		ExtractSkills struct{ Skills, Certifications []struct{ Text string } }
	}
	noErrors(t, query(t, srv, `{ extractSkills(text: "ICU nurse, 6 years: IV therapy, ventilator care. BLS and ACLS certified.") {
		skills { text } certifications { text } } }`, nil, &nurse))
	if len(nurse.ExtractSkills.Skills)+len(nurse.ExtractSkills.Certifications) > 0 {
		t.Errorf("a nurse's résumé names %+v", nurse.ExtractSkills)
	}
	if utf8.RuneCountInString(text) == len(text) {
		t.Fatal("the text must hold characters of several bytes, to check offsets count characters")
	}
}

func profilesFromWords(t *testing.T, srv *httptest.Server) {
	var data struct {
		Recommendations struct {
			Start struct {
				Role                   struct{ ID string }
				MatchedFromTitle       bool
				TitleMatch             *struct{ Score float64 }
				SkillsFromText         []mentionAnswer
				CertificationsFromText []mentionAnswer
			}
			Certifications []struct{ Certification struct{ ID string } }
		}
		Paths struct {
			Start struct{ Role struct{ ID string } }
		} `json:"careerPaths"`
		Reach struct {
			Start struct{ Role struct{ ID string } }
		} `json:"reachableRoles"`
		Gap struct {
			Start struct {
				Role             struct{ ID string }
				MatchedFromTitle bool
			}
		} `json:"skillGap"`
	}
	noErrors(t, query(t, srv, `{
		recommendations(profile: {title: "help desk analyst", text: "I reset Active Directory accounts in ServiceNow. CompTIA Security+ holder."}) {
			start { role { id } matchedFromTitle titleMatch { score } skillsFromText { skill { id } } certificationsFromText { certification { id } } }
			certifications { certification { id } } }
		careerPaths(profile: {title: "Desktop Support Tech II"}, to: "senior-it-infrastructure-engineer") { start { role { id } } }
		reachableRoles(profile: {title: "help desk tech"}, maxSteps: 1) { start { role { id } } }
		skillGap(profile: {title: "Sr. Linux Admin"}, to: "senior-it-infrastructure-engineer") { start { role { id } matchedFromTitle } }
	}`, nil, &data))
	rec := data.Recommendations
	if rec.Start.Role.ID != "help-desk-technician" || !rec.Start.MatchedFromTitle || rec.Start.TitleMatch == nil || rec.Start.TitleMatch.Score < 0.2 {
		t.Errorf("help desk analyst started at %s (from title %v), want help-desk-technician from the title", rec.Start.Role.ID, rec.Start.MatchedFromTitle)
	}
	if len(rec.Start.SkillsFromText) < 2 || len(rec.Start.CertificationsFromText) != 1 {
		t.Errorf("from the text: skills %+v, certifications %+v", rec.Start.SkillsFromText, rec.Start.CertificationsFromText)
	}
	for _, c := range rec.Certifications {
		if c.Certification.ID == "comptia-security-plus" {
			t.Error("Security+, named in the text as held, is still advised")
		}
	}
	if data.Paths.Start.Role.ID != "help-desk-technician" || data.Reach.Start.Role.ID != "help-desk-technician" {
		t.Errorf("paths start at %s, reach at %s; want help-desk-technician", data.Paths.Start.Role.ID, data.Reach.Start.Role.ID)
	}
	if data.Gap.Start.Role.ID != "systems-administrator" || !data.Gap.Start.MatchedFromTitle {
		t.Errorf("Sr. Linux Admin started at %+v, want systems-administrator from the title", data.Gap.Start)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
