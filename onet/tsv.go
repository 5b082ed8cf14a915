package onet

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/careergraph/careergraph/internal/rowerr"
)

// RowError is a malformed row: the file, the line (1 is the header) and the column.
type RowError = rowerr.RowError

// table reads one tab-separated O*NET file, finding columns by header name so that both
// the text edition and the Excel export (extra columns, empty cells for n/a) work.
type table struct {
	file    string
	cols    map[string]int
	scanner *bufio.Scanner
	f       *os.File
	line    int
	fields  []string
	err     *RowError // the row's first problem, kept by required, number and code
}

func openTable(dir, name string, required ...string) (*table, error) {
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("onet: %w", err)
	}
	t := &table{file: name, f: f, cols: map[string]int{}, scanner: bufio.NewScanner(f)}
	t.scanner.Buffer(make([]byte, 1<<20), 16<<20)
	if !t.scanner.Scan() {
		f.Close()
		return nil, &RowError{File: name, Line: 1, Msg: "the file is empty; it needs a header row"}
	}
	t.line = 1
	for i, h := range strings.Split(strings.TrimPrefix(strings.TrimRight(t.scanner.Text(), "\r"), "\ufeff"), "\t") {
		t.cols[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, c := range required {
		if _, ok := t.cols[strings.ToLower(c)]; !ok {
			f.Close()
			return nil, &RowError{File: name, Line: 1, Column: c, Msg: "the header has no such column"}
		}
	}
	return t, nil
}

// next moves to the next row; it returns false at the end of the file.
func (t *table) next() bool {
	for t.scanner.Scan() {
		t.line++
		text := strings.TrimRight(t.scanner.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		t.fields = strings.Split(text, "\t")
		t.err = nil
		return true
	}
	return false
}

func (t *table) close() error {
	err := t.scanner.Err()
	t.f.Close()
	return err
}

func (t *table) has(col string) bool {
	_, ok := t.cols[strings.ToLower(col)]
	return ok
}

// str returns a cell, with the text edition's "n/a" read as empty.
func (t *table) str(col string) string {
	i, ok := t.cols[strings.ToLower(col)]
	if !ok || i >= len(t.fields) {
		return ""
	}
	v := strings.TrimSpace(t.fields[i])
	if strings.EqualFold(v, "n/a") {
		return ""
	}
	return v
}

func (t *table) fail(col, format string, args ...any) *RowError {
	return &RowError{File: t.file, Line: t.line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// keep records e as the row's problem unless it already has one.
func (t *table) keep(e *RowError) {
	if t.err == nil {
		t.err = e
	}
}

// required returns a cell that must not be empty; an empty one is the row's problem.
func (t *table) required(col string) string {
	v := t.str(col)
	if v == "" {
		t.keep(t.fail(col, "is empty"))
	}
	return v
}

// number returns a cell that must hold a number.
func (t *table) number(col string) float64 {
	v := t.required(col)
	if v == "" {
		return 0
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.keep(t.fail(col, "%q is not a number", v))
	}
	return f
}

// code returns a cell that must hold an O*NET-SOC code.
func (t *table) code(col string) string {
	v := t.required(col)
	if v != "" && !validCode(v) {
		t.keep(t.fail(col, "%q is not an O*NET-SOC code such as 15-1244.00", v))
	}
	return v
}

func (t *table) flag(col string) bool {
	return strings.EqualFold(t.str(col), "Y")
}

func validCode(c string) bool {
	if len(c) != 10 || c[2] != '-' || c[7] != '.' {
		return false
	}
	for i, r := range c {
		if i != 2 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

var errStop = errors.New("stop")
