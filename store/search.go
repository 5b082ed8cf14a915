package store

import (
	"context"
	"strings"

	"github.com/careergraph/careergraph/domain"
)

// Hit is one full-text search result.
type Hit struct {
	Node  domain.Node
	Score float64
}

// Search finds roles, skills and certifications whose titles, alternate titles or names
// match the words of text, best match first. Every word is matched as typed and as a
// prefix, so "virt" finds virtualization; Lucene syntax in text is taken literally.
func (s *Store) Search(ctx context.Context, text string, limit int) ([]Hit, error) {
	query := luceneQuery(text)
	if query == "" {
		return []Hit{}, nil
	}
	recs, err := s.readAll(ctx, searchCypher, map[string]any{"query": query, "limit": limit})
	if err != nil {
		return nil, err
	}
	hits := make([]Hit, 0, len(recs))
	for _, rec := range recs {
		n, err := decodeNode(rec)
		if bad, ok := n.(interface{ Bad() bool }); err != nil || ok && bad.Bad() {
			continue // left out, as lists leave out a record that failed its check
		}
		score, err := value[float64](rec, "score")
		if err != nil {
			return nil, err
		}
		hits = append(hits, Hit{Node: n, Score: score})
	}
	return hits, nil
}

// luceneQuery turns free text into a Lucene query: each word escaped, then searched for
// both exactly and as a prefix.
func luceneQuery(text string) string {
	var terms []string
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = luceneEscaper.Replace(w)
		if w == "" {
			continue
		}
		terms = append(terms, w, w+"*")
	}
	return strings.Join(terms, " ")
}

var luceneEscaper = strings.NewReplacer(
	`\`, `\\`, `+`, `\+`, `-`, `\-`, `&`, `\&`, `|`, `\|`, `!`, `\!`, `(`, `\(`, `)`, `\)`,
	`{`, `\{`, `}`, `\}`, `[`, `\[`, `]`, `\]`, `^`, `\^`, `"`, `\"`, `~`, `\~`, `*`, `\*`,
	`?`, `\?`, `:`, `\:`, `/`, `\/`,
)
