// Package rowerr reports the malformed rows of a data file read for import: each row's
// file, line and column, and a bounded list of them with their total.
package rowerr

import (
	"fmt"
	"strings"
)

// RowError is a malformed row: the file, the line (1 is the header) and the column.
type RowError struct {
	File   string
	Line   int
	Column string
	Msg    string
}

func (e *RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: column %q: %s", e.File, e.Line, e.Column, e.Msg)
}

// MaxListed bounds how many row errors one failed read lists.
const MaxListed = 20

// Errors is every malformed row found (up to MaxListed), and how many there were, in the
// data named Source.
type Errors struct {
	Source string
	Rows   []*RowError
	Total  int
}

// Add counts a malformed row, listing it while fewer than MaxListed are.
func (e *Errors) Add(r *RowError) {
	e.Total++
	if len(e.Rows) < MaxListed {
		e.Rows = append(e.Rows, r)
	}
}

func (e *Errors) Error() string {
	msgs := make([]string, len(e.Rows))
	for i, r := range e.Rows {
		msgs[i] = r.Error()
	}
	more := ""
	if e.Total > len(e.Rows) {
		more = fmt.Sprintf("\n(and %d more)", e.Total-len(e.Rows))
	}
	return fmt.Sprintf("%s: %d malformed rows; nothing was imported (pass -skip-bad-rows to import the rest):\n%s%s",
		e.Source, e.Total, strings.Join(msgs, "\n"), more)
}
