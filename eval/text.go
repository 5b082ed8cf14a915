package eval

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/planner"
)

// TextReport is how well extractSkills reads the career guide: each curated role's
// section, with the skills the dataset says the role requires as the key. Only curated
// skills count; technologies and certifications found are not keyed.
type TextReport struct {
	Sections          []Section
	Found, Right, Key int // curated skills found, those the key holds, the key's size
	Recall, Precision float64
}

// Section is one role's part of the guide and what was found in it.
type Section struct {
	Role         string
	Found, Right []string
	Key          []string
}

func (r TextReport) String() string {
	return fmt.Sprintf("skills from text: recall %.3f precision %.3f (%d of the %d skills %d sections of the guide's roles require, %d of %d curated skills found)",
		r.Recall, r.Precision, r.Right, r.Key, len(r.Sections), r.Right, r.Found)
}

// EvaluateText finds skills in each role's section of the guide through the planner's
// extractSkills and compares them with the roles' requirements in ds. The guide's first
// part is the role it is written for; "More in …" then lists other roles, each a line
// "- Title$pay" and a paragraph. Sections whose title names no curated role are skipped.
func EvaluateText(ctx context.Context, pl *planner.Planner, ds *domain.Dataset, guide string) (TextReport, error) {
	curated := map[string]bool{}
	for _, s := range ds.Skills {
		curated[s.ID] = true
	}
	required := map[string][]string{}
	for _, r := range ds.Requirements {
		required[r.Role] = append(required[r.Role], r.Skill)
	}
	var rep TextReport
	for title, text := range guideSections(guide) {
		role := roleTitled(ds, title)
		if role == "" {
			continue
		}
		found, err := pl.ExtractSkills(ctx, text)
		if err != nil {
			return TextReport{}, err
		}
		sec := Section{Role: role, Key: slices.Sorted(slices.Values(required[role]))}
		for _, m := range found.Skills {
			if curated[m.ID] && !slices.Contains(sec.Found, m.ID) {
				sec.Found = append(sec.Found, m.ID)
				if slices.Contains(sec.Key, m.ID) {
					sec.Right = append(sec.Right, m.ID)
				}
			}
		}
		rep.Sections = append(rep.Sections, sec)
		rep.Found, rep.Right, rep.Key = rep.Found+len(sec.Found), rep.Right+len(sec.Right), rep.Key+len(sec.Key)
	}
	slices.SortFunc(rep.Sections, func(a, b Section) int { return strings.Compare(a.Role, b.Role) })
	rep.Recall = float64(rep.Right) / float64(max(rep.Key, 1))
	rep.Precision = float64(rep.Right) / float64(max(rep.Found, 1))
	return rep, nil
}

// listed is a role the guide lists under "More in …": "- Title$85K–$135K".
var listed = regexp.MustCompile(`^(?:.*→)?- (.+?)\$\d`)

// guideSections splits the guide into each role's text, by the role's title as written.
func guideSections(guide string) map[string]string {
	lines := strings.Split(guide, "\n")
	out := map[string]string{}
	current, main := "", true
	for i, line := range lines {
		switch {
		case i == 1:
			current = strings.TrimSpace(line) // the guide's own role, under its category
		case strings.HasPrefix(line, "More in "):
			main = false
		case !main && listed.MatchString(line):
			current = strings.TrimSpace(listed.FindStringSubmatch(line)[1])
			continue
		}
		if current != "" && (main || i > 0 && listed.MatchString(lines[i-1])) {
			out[current] += line + "\n"
		}
	}
	return out
}

// roleTitled is the curated role with this title or alternate title (brackets aside,
// case aside), or "".
func roleTitled(ds *domain.Dataset, title string) string {
	plain := func(s string) string {
		if before, after, ok := strings.Cut(s, "("); ok {
			_, rest, _ := strings.Cut(after, ")")
			s = before + rest
		}
		return strings.Join(strings.Fields(strings.ToLower(s)), " ")
	}
	for _, r := range ds.Roles {
		if plain(r.Title) == plain(title) || slices.ContainsFunc(r.AlternateTitles, func(a string) bool { return plain(a) == plain(title) }) {
			return r.ID
		}
	}
	return ""
}
