// Package housestyle checks rules of the house that no compiler or linter checks.
package housestyle

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// maxFuncLines is the longest a hand-written function may be, from its signature to its
// closing brace.
const maxFuncLines = 60

// TestFunctionsStayShort fails for every hand-written function longer than maxFuncLines.
func TestFunctionsStayShort(t *testing.T) {
	eachFile(t, func(path string, fset *token.FileSet, file *ast.File) {
		for _, decl := range file.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok {
				start, end := fset.Position(fn.Pos()), fset.Position(fn.End())
				if n := end.Line - start.Line + 1; n > maxFuncLines {
					t.Errorf("%s:%d: %s is %d lines; split it (at most %d)", path, start.Line, fn.Name.Name, n, maxFuncLines)
				}
			}
		}
	})
}

// TestNoBareGoStatements fails for a go statement outside tests and internal/safe: work
// started in the background goes through safe.Go, so a panic in it is recovered, logged
// and counted instead of ending the process.
func TestNoBareGoStatements(t *testing.T) {
	eachFile(t, func(path string, fset *token.FileSet, file *ast.File) {
		if strings.HasSuffix(path, "_test.go") || strings.Contains(filepath.ToSlash(path), "internal/safe/") {
			return
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if g, ok := n.(*ast.GoStmt); ok {
				t.Errorf("%s: a bare go statement; start the work with safe.Go", fset.Position(g.Pos()))
			}
			return true
		})
	})
}

// eachFile parses every hand-written Go file of the repository and hands it to fn.
func eachFile(t *testing.T, fn func(path string, fset *token.FileSet, file *ast.File)) {
	t.Helper()
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		if !ast.IsGenerated(file) {
			fn(path, fset, file)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
