package planner

import (
	"context"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/safe"
	"github.com/careergraph/careergraph/mentions"
	"github.com/careergraph/careergraph/titles"
)

// Limits on what people write: titles in one request, a title's length, a text's length.
const (
	MaxTitles      = 100
	MaxTitleLength = 200
	MaxTextLength  = 20_000
	MaxTitleFirst  = 20
)

// TitleMatch is a role a job title matches: a score from 0 to 1, the role's O*NET-SOC
// code (its first, for a curated role; "" when it has none), the role's title that
// matched best and the words they share.
type TitleMatch struct {
	Role         *domain.Role
	Score        float64
	SOC          string
	MatchedTitle string
	Words        []string
}

// TitleMatches are the roles one title matches, best first.
type TitleMatches struct {
	Title   string
	Matches []TitleMatch
}

// SkillsFromText are the skills (curated skills and technologies) and certifications a
// text names, in the order they appear.
type SkillsFromText struct {
	Skills         []SkillMention
	Certifications []CertificationMention
}

// SkillMention is where a text names a skill, with the skill as the snapshot holds it.
type SkillMention struct {
	mentions.Mention
	Skill domain.Skill
}

// CertificationMention is where a text names a certification.
type CertificationMention struct {
	mentions.Mention
	Certification domain.Certification
}

// wordIndexes are a snapshot's indexes of what people write, each built on first use,
// so that a service never asked about titles or texts does not pay for them; once one
// has been asked, each new snapshot builds them in the background as it is swapped in.
type wordIndexes struct {
	titlesOnce sync.Once
	titles     *titles.Index
	termsOnce  sync.Once
	terms      *mentions.Dictionary
}

// indexWords builds both indexes now rather than on first use.
func (s *snapshot) indexWords() {
	s.titleIndex()
	s.termDictionary()
}

// indexWords builds snap's word indexes in the background, then tells Settled.
func (p *Planner) indexWords(snap *snapshot) {
	safe.Go(p.opts.Log, "planner.words", func() {
		snap.indexWords()
		p.opts.Settled()
	})
}

// wordsWanted notes that a title or text was asked about: from now on each snapshot
// indexes words ahead. On the first such question it builds snap's indexes too.
func (p *Planner) wordsWanted(snap *snapshot) {
	if !p.snaps.wordsAsked.Swap(true) {
		p.indexWords(snap)
	}
}

func (s *snapshot) titleIndex() *titles.Index {
	s.words.titlesOnce.Do(func() {
		roles := make([]domain.Role, 0, len(s.roles))
		for _, id := range slices.Sorted(maps.Keys(s.roles)) {
			roles = append(roles, s.roles[id])
		}
		s.words.titles = titles.ForRoles(roles)
	})
	return s.words.titles
}

// termDictionary finds the skills a text names (curated skills and technologies, not
// O*NET's rated abilities) and certifications; the roles' summaries are its prose. Only
// curated skills and certifications are also found by their initials: among thousands of
// technology names, initials mostly collide with other acronyms (BLS, Basic Life Support,
// is not Blackboard Learning System).
func (s *snapshot) termDictionary() *mentions.Dictionary {
	s.words.termsOnce.Do(func() {
		var terms []mentions.Term
		for _, id := range slices.Sorted(maps.Keys(s.graph.Named)) {
			sk := s.graph.Named[id]
			terms = append(terms, mentions.Term{ID: id, Name: sk.Name, Initials: sk.Category != "TECHNOLOGY"})
		}
		for _, id := range slices.Sorted(maps.Keys(s.certs)) {
			terms = append(terms, mentions.Term{ID: id, Name: s.certs[id].Certification.Name, Certification: true, Initials: true})
		}
		prose := make([]string, 0, len(s.roles))
		for _, r := range s.roles {
			prose = append(prose, r.Summary)
		}
		s.words.terms = mentions.New(terms, prose)
	})
	return s.words.terms
}

// ClassifyTitles matches each job title to the first roles it names, best first. A blank
// title matches nothing.
func (p *Planner) ClassifyTitles(ctx context.Context, ts []string, first int) ([]TitleMatches, error) {
	switch {
	case len(ts) == 0 || len(ts) > MaxTitles:
		return nil, inputErr("give 1 to %d titles; got %d", MaxTitles, len(ts))
	case first < 1 || first > MaxTitleFirst:
		return nil, inputErr("first must be between 1 and %d; got %d", MaxTitleFirst, first)
	}
	for i, t := range ts {
		if n := utf8.RuneCountInString(t); n > MaxTitleLength {
			return nil, inputErr("title %d is %d characters long; a title may have at most %d", i+1, n, MaxTitleLength)
		}
	}
	snap, err := p.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	p.wordsWanted(snap)
	ix := snap.titleIndex()
	out := make([]TitleMatches, len(ts))
	for i, t := range ts {
		out[i] = TitleMatches{Title: t, Matches: []TitleMatch{}}
		for _, m := range ix.Match(t, first) {
			r := snap.roles[m.Role]
			tm := TitleMatch{Role: &r, Score: m.Score, MatchedTitle: m.Title, Words: m.Words}
			if len(r.SocCodes) > 0 {
				tm.SOC = r.SocCodes[0]
			}
			out[i].Matches = append(out[i].Matches, tm)
		}
	}
	return out, nil
}

// ExtractSkills finds the skills, technologies and certifications text names.
func (p *Planner) ExtractSkills(ctx context.Context, text string) (SkillsFromText, error) {
	snap, err := p.snapshot(ctx)
	if err != nil {
		return SkillsFromText{}, err
	}
	return p.readText(snap, text)
}

// readText checks a text's length and finds what it names in snap.
func (p *Planner) readText(snap *snapshot, text string) (SkillsFromText, error) {
	if n := utf8.RuneCountInString(text); n > MaxTextLength {
		return SkillsFromText{}, inputErr("the text is %d characters long; at most %d are read", n, MaxTextLength)
	}
	if strings.TrimSpace(text) != "" {
		p.wordsWanted(snap)
	}
	return snap.extract(text), nil
}

func (s *snapshot) extract(text string) SkillsFromText {
	out := SkillsFromText{Skills: []SkillMention{}, Certifications: []CertificationMention{}}
	if strings.TrimSpace(text) == "" {
		return out
	}
	for _, m := range s.termDictionary().Find(text) {
		if m.Certification {
			out.Certifications = append(out.Certifications, CertificationMention{m, s.certs[m.ID].Certification})
		} else {
			out.Skills = append(out.Skills, SkillMention{m, s.graph.Named[m.ID]})
		}
	}
	return out
}
