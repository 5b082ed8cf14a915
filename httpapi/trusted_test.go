package httpapi_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/neo4jtest"
)

func TestTrustedDocumentsMode(t *testing.T) {
	st := neo4jtest.Store(t)
	doc := `query HelpDesk { role(id: "help-desk-technician") { title } }`
	file := filepath.Join(t.TempDir(), "trusted.json")
	if err := os.WriteFile(file, []byte(fmt.Sprintf(`{"HelpDesk": %q}`, doc)), 0o644); err != nil {
		t.Fatal(err)
	}
	trusted, err := httpapi.LoadTrustedDocuments(file)
	if err != nil {
		t.Fatal(err)
	}
	srv := serveOptions(t, st, nil, httpapi.Options{Logger: zerolog.Nop(), TrustedDocuments: trusted})
	defer srv.Close()

	var data struct{ Role struct{ Title string } }
	noErrors(t, query(t, srv, doc, nil, &data))
	sum := sha256.Sum256([]byte(doc))
	byHash := fmt.Sprintf(`{"query":"","extensions":{"persistedQuery":{"version":1,"sha256Hash":"%s"}}}`, hex.EncodeToString(sum[:]))
	data.Role.Title = ""
	noErrors(t, do(t, srv, "POST", "/graphql", "application/json", []byte(byHash), &data))
	if data.Role.Title != "Help Desk Technician" {
		t.Errorf("by hash: %+v", data)
	}
	for _, other := range []string{`{ role(id: "cloud-engineer") { title } }`, `{ __schema { types { name } } }`} {
		if r := query(t, srv, other, nil, nil); r.code(0) != "UNTRUSTED_DOCUMENT" {
			t.Errorf("%s: got %+v, want UNTRUSTED_DOCUMENT", other, r.Errors)
		}
	}
}
