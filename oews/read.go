package oews

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/careergraph/careergraph/internal/rowerr"
)

// RowError is a malformed row: the file, the line (1 is the header) and the column.
type RowError = rowerr.RowError

// Errors is every malformed row found (up to a limit), and how many there were.
type Errors = rowerr.Errors

// source yields the rows of a file as cells, the header first.
type source struct {
	next  func() ([]string, bool)
	err   func() error
	close func()
}

func open(path string) (*source, error) {
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return openXLSX(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("oews: %w", err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	next := func() ([]string, bool) {
		if !sc.Scan() {
			return nil, false
		}
		return strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t"), true
	}
	return &source{next: next, err: sc.Err, close: func() { f.Close() }}, nil
}

// openXLSX streams the first sheet of BLS's workbook, cells as stored (not as formatted).
func openXLSX(path string) (*source, error) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("oews: %s: %w", filepath.Base(path), err)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, fmt.Errorf("oews: %s has no sheet", filepath.Base(path))
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("oews: %s: %w", filepath.Base(path), err)
	}
	var rerr error
	next := func() ([]string, bool) {
		if !rows.Next() {
			return nil, false
		}
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			rerr = err
			return nil, false
		}
		return cells, true
	}
	return &source{next: next, err: func() error { return rerr },
		close: func() { rows.Close(); f.Close() }}, nil
}

// reader checks rows one by one, collecting row errors.
type reader struct {
	src    *source
	d      *Data
	errs   *Errors
	cols   map[string]int
	nums   [NumColumns]int // the index of each of Columns in a row, -1 when absent
	line   int
	fields []string
	err    *RowError // the row's first problem
	seen   map[string]bool
}

func (r *reader) header() error {
	cells, ok := r.src.next()
	if !ok {
		if err := r.src.err(); err != nil {
			return fmt.Errorf("oews: %s: %w", r.d.File, err)
		}
		return &RowError{File: r.d.File, Line: 1, Msg: "the file is empty; it needs a header row"}
	}
	r.line, r.cols = 1, map[string]int{}
	for i, h := range cells {
		r.cols[strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, c := range required {
		if _, ok := r.cols[c]; !ok {
			return &RowError{File: r.d.File, Line: 1, Column: c, Msg: "the header has no such column; is this BLS's \"all data\" file?"}
		}
	}
	for i, c := range Columns {
		r.nums[i] = -1
		if j, ok := r.cols[c.Name]; ok {
			r.nums[i] = j
		}
	}
	return nil
}

func (r *reader) rows() error {
	for {
		cells, ok := r.src.next()
		if !ok {
			break
		}
		r.line++
		if strings.TrimSpace(strings.Join(cells, "")) == "" {
			continue
		}
		r.fields, r.err = cells, nil
		r.d.Rows++
		r.row()
	}
	if err := r.src.err(); err != nil {
		return fmt.Errorf("oews: %s: %w", r.d.File, err)
	}
	return nil
}

// row checks one row and keeps its estimate.
func (r *reader) row() {
	if !r.crossIndustry() {
		r.d.Other++
		return
	}
	a := Area{ID: r.digits("AREA", 2, 7), Name: r.required("AREA_TITLE"), State: r.str("PRIM_STATE")}
	if t := r.required("AREA_TYPE"); t != "" {
		if a.Type = areaTypes[t]; a.Type == "" {
			r.keep("AREA_TYPE", "%q is not an OEWS area type (1 national, 2 state, 3 territory, 4 metropolitan, 6 nonmetropolitan)", t)
		}
	}
	e := Estimate{Area: a.ID, SOC: r.soc(), Title: r.required("OCC_TITLE"), Group: strings.ToLower(r.required("O_GROUP")),
		HourlyOnly: r.flag("HOURLY"), AnnualOnly: r.flag("ANNUAL")}
	if e.Group != "" && !slices.Contains(Groups, e.Group) {
		r.keep("O_GROUP", "%q is not one of %s", e.Group, strings.Join(Groups, ", "))
	}
	for i := range Columns {
		r.number(i, &e)
	}
	key := e.Area + " " + e.SOC
	if r.err == nil && r.seen[key] {
		r.keep("OCC_CODE", "a second row for %s in area %s", e.SOC, e.Area)
	}
	if r.err != nil {
		r.bad(r.err)
		return
	}
	r.seen[key] = true
	if old, ok := r.d.Areas[a.ID]; ok && old != a {
		r.bad(&RowError{File: r.d.File, Line: r.line, Column: "AREA_TITLE",
			Msg: fmt.Sprintf("area %s is %q of type %s here but %q of type %s earlier", a.ID, a.Name, a.Type, old.Name, old.Type)})
		return
	}
	r.d.Areas[a.ID] = a
	r.d.Estimates = append(r.d.Estimates, e)
}

// crossIndustry reports whether the row covers all industries and ownerships (the
// official download also has rows per industry, which are left out).
func (r *reader) crossIndustry() bool {
	naics, own := r.str("NAICS"), r.str("OWN_CODE")
	return (naics == "" || naics == "000000" || naics == "0") && (own == "" || own == "1235")
}

func (r *reader) str(col string) string {
	i, ok := r.cols[col]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

func (r *reader) keep(col, format string, args ...any) {
	if r.err == nil {
		r.err = &RowError{File: r.d.File, Line: r.line, Column: col, Msg: fmt.Sprintf(format, args...)}
	}
}

func (r *reader) required(col string) string {
	v := r.str(col)
	if v == "" {
		r.keep(col, "is empty")
	}
	return v
}

// digits returns a cell of min to max digits.
func (r *reader) digits(col string, lo, hi int) string {
	v := r.required(col)
	if v != "" && (len(v) < lo || len(v) > hi || strings.Trim(v, "0123456789") != "") {
		r.keep(col, "%q is not an OEWS area code (%d to %d digits)", v, lo, hi)
	}
	return v
}

// soc returns the OCC_CODE cell, which must be a SOC code such as 15-1244.
func (r *reader) soc() string {
	v := r.required("OCC_CODE")
	if v != "" && !ValidSOC(v) {
		r.keep("OCC_CODE", "%q is not a SOC code such as 15-1244", v)
	}
	return v
}

// number reads the i-th of Columns into e: "*" and "**" (not released) leave it NaN, "#"
// (at or above the top code) marks a wage top-coded.
func (r *reader) number(i int, e *Estimate) {
	e.Figures[i] = math.NaN()
	c, j := Columns[i], r.nums[i]
	if j < 0 || j >= len(r.fields) {
		return
	}
	raw := strings.TrimSpace(r.fields[j])
	v := raw
	if strings.Contains(v, ",") {
		v = strings.ReplaceAll(v, ",", "")
	}
	switch {
	case v == "" || v == "*" || v == "**" || v == "~":
		return
	case v == "#" && c.Wage:
		e.TopCoded = append(e.TopCoded, c.Property)
		return
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f != f || f < 0 || f > 1e12 {
		r.keep(c.Name, "%q is not a number", raw)
		return
	}
	e.Figures[i] = f
}

func (r *reader) flag(col string) bool {
	switch strings.ToUpper(r.str(col)) {
	case "TRUE", "1", "Y":
		return true
	case "", "FALSE", "0", "N":
		return false
	}
	r.keep(col, "%q is neither TRUE nor empty", r.str(col))
	return false
}

func (r *reader) bad(e *RowError) { r.errs.Add(e) }

// ValidSOC reports whether c is a 6-digit SOC code such as 15-1244.
func ValidSOC(c string) bool {
	if len(c) != 7 || c[2] != '-' {
		return false
	}
	return strings.Trim(c[:2]+c[3:], "0123456789") == ""
}
