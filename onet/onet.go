// Package onet reads the O*NET database into memory and checks every row before
// anything is written. It accepts the official text edition and the Excel export in
// ../shared (columns found by name, extra columns ignored, empty cells for n/a).
package onet

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/careergraph/careergraph/internal/rowerr"
)

// Table names, for choosing what to load.
const (
	Occupations = "occupations" // Occupation Data.txt
	JobZones    = "jobzones"    // Job Zones.txt
	Education   = "education"   // Education, Training, and Experience.txt (+ Categories)
	Skills      = "skills"      // Skills.txt
	Knowledge   = "knowledge"   // Knowledge.txt
	Technology  = "technology"  // Technology Skills.txt
	Titles      = "titles"      // Alternate Titles.txt, Sample of Reported Titles.txt
	Related     = "related"     // Related Occupations.txt
)

// AllTables lists every table, in the order they load.
var AllTables = []string{Occupations, JobZones, Education, Skills, Knowledge, Technology, Titles, Related}

// Occupation is an O*NET occupation.
type Occupation struct {
	Code, Title, Description string
	JobZone                  int      // 1..5, 0 when unknown
	Education                string   // the most common required level of education
	AlternateTitles          []string // with the reported titles
	ReportedTitles           []string // titles incumbents reported (Sample of Reported Titles), held out by evaluations
}

// Element is an O*NET skill or knowledge area.
type Element struct {
	ID, Name, Kind string // Kind is Skills or Knowledge
	Description    string
}

// Rating is how important an element is for an occupation (1..5) and at what level (0..7).
type Rating struct {
	Code, ElementID   string
	Importance, Level float64
}

// TechUse is a technology an occupation uses.
type TechUse struct {
	Code, Example, CommodityCode, CommodityTitle string
	Hot, InDemand                                bool
}

// Relation is a directed related-occupation link with its tier and rank.
type Relation struct {
	From, To, Tier string
	Rank           int
}

// Data is what was read, ready to import.
type Data struct {
	Tables      []string
	Occupations map[string]*Occupation
	Elements    map[string]Element
	Ratings     []Rating
	Tech        []TechUse
	Related     []Relation
	Rows        map[string]int // data rows read per file
	Skipped     int            // bad rows skipped (only with SkipBadRows)
}

// Options say what to read and how to treat bad rows.
type Options struct {
	Dir         string
	Tables      []string // empty for all
	SkipBadRows bool     // skip malformed rows and count them, instead of failing
}

// Errors is every malformed row found (up to a limit), and how many there were.
type Errors = rowerr.Errors

// Attribution is the notice that must accompany O*NET data wherever it is shown.
const Attribution = "This product includes information from the O*NET 29.3 Database by the U.S. Department of " +
	"Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. " +
	"O*NET® is a trademark of USDOL/ETA."

// Read reads the chosen tables from opts.Dir.
func Read(opts Options) (*Data, error) {
	tables := opts.Tables
	if len(tables) == 0 {
		tables = AllTables
	}
	for _, t := range tables {
		if !slices.Contains(AllTables, t) {
			return nil, fmt.Errorf("onet: unknown table %q; choose from %s", t, strings.Join(AllTables, ", "))
		}
	}
	r := &reader{opts: opts, errs: &Errors{Source: "onet"}, d: &Data{Tables: tables, Occupations: map[string]*Occupation{},
		Elements: map[string]Element{}, Rows: map[string]int{}}}
	steps := map[string]func() error{
		Occupations: r.occupations, JobZones: r.jobZones, Education: r.education,
		Skills:     func() error { return r.ratings("Skills.txt", Skills) },
		Knowledge:  func() error { return r.ratings("Knowledge.txt", Knowledge) },
		Technology: r.technology, Titles: r.titles, Related: r.related,
	}
	for _, t := range AllTables {
		if slices.Contains(tables, t) {
			if err := steps[t](); err != nil {
				return nil, err
			}
		}
	}
	if r.errs.Total > 0 && !opts.SkipBadRows {
		return nil, r.errs
	}
	r.d.Skipped = r.errs.Total
	for _, o := range r.d.Occupations {
		sort.Strings(o.AlternateTitles)
		o.AlternateTitles = slices.Compact(o.AlternateTitles)
	}
	return r.d, nil
}

type reader struct {
	opts       Options
	d          *Data
	errs       *Errors
	about      map[string]string // element descriptions from the content model
	skillNames map[string]bool   // the content model's skill names (2.A, 2.B)
}

// each runs row for every data row of a file, collecting row errors.
func (r *reader) each(file string, required []string, row func(t *table) *RowError) error {
	t, err := openTable(r.opts.Dir, file, required...)
	if err != nil {
		var re *RowError
		if errors.As(err, &re) {
			r.bad(re)
			return nil
		}
		return err
	}
	for t.next() {
		r.d.Rows[file]++
		if re := row(t); re != nil {
			r.bad(re)
		}
	}
	return t.close()
}

func (r *reader) bad(e *RowError) { r.errs.Add(e) }

// occupation returns the occupation with code, creating it when the occupations table
// is not being loaded (another table may then refer to one loaded earlier).
func (r *reader) occupation(code string) *Occupation {
	o, ok := r.d.Occupations[code]
	if !ok {
		o = &Occupation{Code: code}
		r.d.Occupations[code] = o
	}
	return o
}
