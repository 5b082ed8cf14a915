package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// TrustedDocuments is the set of operations a deployment allows, keyed by the SHA-256
// of their text. With it, the service runs only those: a client sends a registered
// document's hash (extensions.persistedQuery.sha256Hash) or its exact text.
type TrustedDocuments map[string]string

// LoadTrustedDocuments reads a JSON object whose values are GraphQL documents (keys are
// free, such as operation names); each document is registered under its SHA-256.
func LoadTrustedDocuments(path string) (TrustedDocuments, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("trusted documents: %w", err)
	}
	var docs map[string]string
	if err := json.Unmarshal(b, &docs); err != nil {
		return nil, fmt.Errorf("trusted documents: %s is not a JSON object of documents: %w", path, err)
	}
	out := TrustedDocuments{}
	for _, d := range docs {
		out[hash(d)] = d
	}
	return out, nil
}

// OperationNames are the names of the operations the documents define.
func (t TrustedDocuments) OperationNames() []string {
	var out []string
	for _, d := range t {
		doc, err := parser.ParseQuery(&ast.Source{Input: d})
		if err != nil {
			continue
		}
		for _, op := range doc.Operations {
			if op.Name != "" {
				out = append(out, op.Name)
			}
		}
	}
	return out
}

func hash(doc string) string {
	sum := sha256.Sum256([]byte(doc))
	return hex.EncodeToString(sum[:])
}

func (TrustedDocuments) ExtensionName() string                   { return "TrustedDocuments" }
func (TrustedDocuments) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters lets a registered document through, filling in its text
// when only its hash was sent, and refuses anything else.
func (t TrustedDocuments) MutateOperationParameters(_ context.Context, p *graphql.RawParams) *gqlerror.Error {
	if p.Query != "" {
		if _, ok := t[hash(p.Query)]; ok {
			return nil
		}
		return limitError("UNTRUSTED_DOCUMENT", "this service runs only registered operations; send a registered document or its hash")
	}
	pq, _ := p.Extensions["persistedQuery"].(map[string]any)
	h, _ := pq["sha256Hash"].(string)
	doc, ok := t[h]
	if !ok {
		return limitError("UNTRUSTED_DOCUMENT", "no registered operation has hash %q", h)
	}
	p.Query = doc
	delete(p.Extensions, "persistedQuery") // answered here; the APQ cache need not see it
	return nil
}
