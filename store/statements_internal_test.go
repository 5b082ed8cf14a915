package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every file under cypher/ is declared in statements.go: none is left behind unused.
func TestEveryStatementFileIsDeclared(t *testing.T) {
	decls, err := os.ReadFile("statements.go")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("cypher/*.cypher")
	if err != nil || len(files) == 0 {
		t.Fatalf("no statements found: %v", err)
	}
	for _, f := range files {
		if !strings.Contains(string(decls), "//go:embed "+f+"\n") {
			t.Errorf("%s is not declared in statements.go", f)
		}
	}
}

// Statements are named by their files, the parts of a file of several too.
func TestStatementsAreNamedByTheirFiles(t *testing.T) {
	for cypher, want := range map[string]string{rolesByIDsCypher: "roles_by_ids", bumpVersionCypher: "bump_version",
		statements(schemaCypher)[0]: "schema", "RETURN 1": "other"} {
		if got := statementName(cypher); got != want {
			t.Errorf("statementName(%.40q) = %s, want %s", cypher, got, want)
		}
	}
}
