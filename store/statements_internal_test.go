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
