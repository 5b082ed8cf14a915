// Package oews reads the BLS Occupational Employment and Wage Statistics (OEWS) "all
// data" download into memory and checks every row before anything is written. It
// accepts the official .xlsx file and the same table saved as tab-separated text; columns
// are found by header name, and only cross-industry rows are kept.
package oews

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Source and Attribution are what every figure imported from OEWS cites.
const (
	SourceID    = "bls-oews-2025"
	SourceTitle = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025"
	SourceURL   = "https://www.bls.gov/oes/tables.htm"
	License     = "Public domain"
	Attribution = "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, " +
		"May 2025. BLS.gov cannot vouch for the data or analyses derived from these data after the data have " +
		"been retrieved from BLS.gov."
)

// Top codes: BLS publishes wages at or above these as "#".
const (
	TopCodeAnnual = 239_200
	TopCodeHourly = 115.00
)

// Area types, by BLS's AREA_TYPE code.
var areaTypes = map[string]string{"1": "NATIONAL", "2": "STATE", "3": "TERRITORY", "4": "METRO", "6": "NONMETRO"}

// AreaTypes lists the area types in the order of BLS's codes.
var AreaTypes = []string{"NATIONAL", "STATE", "TERRITORY", "METRO", "NONMETRO"}

// Groups are the O_GROUP values: how much of the classification a code covers.
var Groups = []string{"total", "major", "minor", "broad", "detailed"}

// National is the area code of the United States.
const National = "99"

// Area is a place OEWS estimates for.
type Area struct {
	ID, Name, Type, State string
}

// Estimate is one occupation's employment and wages in one area. Figures holds the
// figures BLS released in Columns order; a figure not released is NaN, and so is a wage
// at or above the top code, which TopCoded names.
type Estimate struct {
	Area, SOC, Title, Group string
	Figures                 [NumColumns]float64
	TopCoded                []string
	HourlyOnly, AnnualOnly  bool
}

// Figure returns the figure of a property (see Columns); ok is false when BLS did not
// release it or top-coded it.
func (e *Estimate) Figure(property string) (v float64, ok bool) {
	for i, c := range Columns {
		if c.Property == property {
			return e.Figures[i], !math.IsNaN(e.Figures[i])
		}
	}
	return 0, false
}

// Column is one of BLS's numeric columns and the property the graph stores it under.
type Column struct {
	Name, Property string
	Wage           bool // a wage, which may be top-coded
}

// IsWage reports whether property names a wage figure, the only kind that is top-coded.
func IsWage(property string) bool {
	for _, c := range Columns {
		if c.Wage && c.Property == property {
			return true
		}
	}
	return false
}

// NumColumns is how many numeric columns there are.
const NumColumns = 17

// Columns are BLS's numeric columns, in the file's order.
var Columns = [NumColumns]Column{
	{"TOT_EMP", "employment", false}, {"EMP_PRSE", "employmentRSE", false},
	{"JOBS_1000", "jobsPer1000", false}, {"LOC_QUOTIENT", "locationQuotient", false},
	{"H_MEAN", "hourlyMean", true}, {"A_MEAN", "mean", true}, {"MEAN_PRSE", "meanRSE", false},
	{"H_PCT10", "hourlyP10", true}, {"H_PCT25", "hourlyP25", true}, {"H_MEDIAN", "hourlyMedian", true},
	{"H_PCT75", "hourlyP75", true}, {"H_PCT90", "hourlyP90", true},
	{"A_PCT10", "p10", true}, {"A_PCT25", "p25", true}, {"A_MEDIAN", "median", true},
	{"A_PCT75", "p75", true}, {"A_PCT90", "p90", true},
}

// required are the columns a file must have.
var required = []string{"AREA", "AREA_TITLE", "AREA_TYPE", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP",
	"A_MEDIAN", "H_MEDIAN"}

// Data is what was read, ready to import.
type Data struct {
	File      string
	Areas     map[string]Area
	Estimates []Estimate
	Rows      int    // data rows read
	Other     int    // rows of single industries or ownerships, left out
	Skipped   int    // bad rows skipped (only with SkipBadRows)
	Release   string // a digest of what was read: equal data, equal release
}

// Options say where to read and how to treat bad rows.
type Options struct {
	Dir         string // a folder holding one all_data_M_*.txt or .xlsx file, or that file itself
	SkipBadRows bool
}

// Read reads and checks the OEWS file in opts.Dir.
func Read(opts Options) (*Data, error) {
	path, err := find(opts.Dir)
	if err != nil {
		return nil, err
	}
	src, err := open(path)
	if err != nil {
		return nil, err
	}
	defer src.close()
	r := &reader{src: src, errs: &Errors{Source: "oews"}, seen: map[string]bool{},
		d: &Data{File: filepath.Base(path), Areas: map[string]Area{}}}
	if err := r.header(); err != nil {
		return nil, err
	}
	if err := r.rows(); err != nil {
		return nil, err
	}
	if r.errs.Total > 0 && !opts.SkipBadRows {
		return nil, r.errs
	}
	r.d.Skipped = r.errs.Total
	if len(r.d.Estimates) == 0 {
		return nil, fmt.Errorf("oews: %s holds no cross-industry estimates", r.d.File)
	}
	r.d.Release = r.digest()
	return r.d, nil
}

// find returns the file to read: dir itself when it is a file, else the one OEWS
// "all data" file in it.
func find(dir string) (string, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return "", fmt.Errorf("oews: %w (set OEWS_DIR to the folder of all_data_M_2025.txt or .xlsx)", err)
	}
	if !info.IsDir() {
		return dir, nil
	}
	var found []string
	for _, pattern := range []string{"all_data_M_*.txt", "all_data_M_*.tsv", "all_data_M_*.xlsx"} {
		m, _ := filepath.Glob(filepath.Join(dir, pattern))
		found = append(found, m...)
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("oews: %s has no all_data_M_*.txt or all_data_M_*.xlsx file (BLS's \"all data\" download)", dir)
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("oews: %s has several OEWS files (%s); set OEWS_DIR to the one to import",
		dir, strings.Join(found, ", "))
}

// digest identifies what was read, so that importing the same data twice changes nothing.
func (r *reader) digest() string {
	h := sha256.New()
	var buf []byte
	for i := range r.d.Estimates {
		e := &r.d.Estimates[i]
		buf = fmt.Appendf(buf[:0], "%s|%s|%s|%s|%v|%v|%v", e.Area, e.SOC, e.Title, e.Group, e.TopCoded, e.HourlyOnly, e.AnnualOnly)
		for _, v := range e.Figures {
			buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(v))
		}
		h.Write(append(buf, '\n'))
	}
	ids := make([]string, 0, len(r.d.Areas))
	for id := range r.d.Areas {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		a := r.d.Areas[id]
		fmt.Fprintf(h, "%s|%s|%s|%s\n", a.ID, a.Name, a.Type, a.State)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
