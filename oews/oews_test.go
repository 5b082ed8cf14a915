package oews_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/careergraph/careergraph/oews"
)

func read(t *testing.T, dir string) *oews.Data {
	t.Helper()
	d, err := oews.Read(oews.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func find(d *oews.Data, area, soc string) *oews.Estimate {
	for i := range d.Estimates {
		if e := &d.Estimates[i]; e.Area == area && e.SOC == soc {
			return e
		}
	}
	return nil
}

// The sample's rows read as BLS publishes them: figures, a top-coded area row, an
// hourly-only occupation, and a row of one industry left out.
func TestReadsTheAllDataLayout(t *testing.T) {
	d := read(t, "testdata")
	if len(d.Estimates) != 8 || d.Other != 1 || d.Rows != 9 || len(d.Areas) != 3 {
		t.Fatalf("read %d estimates, %d other rows, %d rows, %d areas; want 8, 1, 9, 3", len(d.Estimates), d.Other, d.Rows, len(d.Areas))
	}
	tx := find(d, "48", "15-1244")
	if tx == nil {
		t.Fatal("no estimate for 15-1244 in Texas")
	}
	median, _ := tx.Figure("median")
	if emp, _ := tx.Figure("employment"); median != 101240 || emp != 34840 || tx.Title != "Network and Computer Systems Administrators" {
		t.Errorf("Texas 15-1244 = %+v", tx)
	}
	if a := d.Areas["48"]; a.Name != "Texas" || a.Type != "STATE" || a.State != "TX" {
		t.Errorf("area 48 = %+v", a)
	}
	surgeons := find(d, "01", "29-1022")
	if surgeons == nil {
		t.Fatal("no estimate for 29-1022 in Alabama")
	}
	if _, ok := surgeons.Figure("median"); ok || !slices.Contains(surgeons.TopCoded, "median") {
		t.Errorf("Alabama 29-1022 = %+v; want its median top-coded and absent", surgeons)
	}
	actors := find(d, "99", "27-2011")
	if actors == nil {
		t.Fatal("no estimate for 27-2011")
	}
	if h, _ := actors.Figure("hourlyMedian"); !actors.HourlyOnly || h != 29.05 {
		t.Errorf("actors = %+v; want hourly only at $29.05", actors)
	}
	if _, ok := actors.Figure("median"); ok {
		t.Error("an hourly-only occupation has a yearly median")
	}
	if again := read(t, "testdata"); again.Release != d.Release || d.Release == "" {
		t.Errorf("releases %q and %q of the same data differ", d.Release, again.Release)
	}
}

// The official .xlsx download reads the same as its text form.
func TestReadsTheXLSXDownload(t *testing.T) {
	text, err := os.ReadFile("testdata/all_data_M_2025.txt")
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	for i, line := range strings.Split(strings.TrimSpace(string(text)), "\n") {
		cells := strings.Split(line, "\t")
		row := make([]any, len(cells))
		for j, c := range cells {
			row[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	// BLS stores figures as numbers: write one as such.
	if err := f.SetCellValue("Sheet1", "L2", 491430); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := f.SaveAs(filepath.Join(dir, "all_data_M_2025.xlsx")); err != nil {
		t.Fatal(err)
	}
	x, txt := read(t, dir), read(t, "testdata")
	if x.Release != txt.Release || len(x.Estimates) != len(txt.Estimates) {
		t.Errorf("the .xlsx read as %d estimates (release %s), the text as %d (%s)", len(x.Estimates), x.Release, len(txt.Estimates), txt.Release)
	}
}

func writeSample(t *testing.T, edit func(lines []string) []string) string {
	t.Helper()
	text, err := os.ReadFile("testdata/all_data_M_2025.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	lines := edit(strings.Split(strings.TrimSpace(string(text)), "\n"))
	if err := os.WriteFile(filepath.Join(dir, "all_data_M_2025.txt"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// setCell changes one cell of a data row (line numbers as in the file, 1 the header).
func setCell(lines []string, line int, col, v string) []string {
	header := strings.Split(lines[0], "\t")
	cells := strings.Split(lines[line-1], "\t")
	cells[slices.Index(header, col)] = v
	lines[line-1] = strings.Join(cells, "\t")
	return lines
}

// A bad row names its file, line and column, and nothing is read unless bad rows are
// skipped.
func TestBadRowsAreReported(t *testing.T) {
	cases := []struct{ col, value, want string }{
		{"A_MEDIAN", "12x", `all_data_M_2025.txt:3: column "A_MEDIAN": "12x" is not a number`},
		{"TOT_EMP", "-5", `all_data_M_2025.txt:3: column "TOT_EMP": "-5" is not a number`},
		{"OCC_CODE", "151244", `column "OCC_CODE": "151244" is not a SOC code`},
		{"AREA_TYPE", "9", `column "AREA_TYPE": "9" is not an OEWS area type`},
		{"O_GROUP", "tiny", `column "O_GROUP": "tiny" is not one of`},
		{"AREA", "", `column "AREA": is empty`},
		{"HOURLY", "maybe", `column "HOURLY": "maybe" is neither TRUE nor empty`},
	}
	for _, c := range cases {
		dir := writeSample(t, func(l []string) []string { return setCell(l, 3, c.col, c.value) })
		_, err := oews.Read(oews.Options{Dir: dir})
		var errs *oews.Errors
		if !errors.As(err, &errs) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "nothing was imported") {
			t.Errorf("%s = %q: error %v; want one naming %q", c.col, c.value, err, c.want)
		}
		d, err := oews.Read(oews.Options{Dir: dir, SkipBadRows: true})
		if err != nil || d.Skipped != 1 || len(d.Estimates) != 7 {
			t.Errorf("%s = %q with SkipBadRows: %v; want 7 estimates and 1 skipped", c.col, c.value, err)
		}
	}
	dup := writeSample(t, func(l []string) []string { return append(l, l[2]) })
	if _, err := oews.Read(oews.Options{Dir: dup}); err == nil || !strings.Contains(err.Error(), "a second row for 15-1232 in area 99") {
		t.Errorf("a repeated row: %v", err)
	}
	noCol := writeSample(t, func(l []string) []string {
		l[0] = strings.Replace(l[0], "A_MEDIAN", "MEDIAN", 1)
		return l
	})
	if _, err := oews.Read(oews.Options{Dir: noCol}); err == nil || !strings.Contains(err.Error(), `column "A_MEDIAN": the header has no such column`) {
		t.Errorf("a header without A_MEDIAN: %v", err)
	}
	if _, err := oews.Read(oews.Options{Dir: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "has no all_data_M_*.txt") {
		t.Errorf("an empty folder: %v", err)
	}
}

// Each O*NET-SOC code takes its own estimate, else its broad group's, marked so; minor
// and major groups are too wide to stand in.
func TestMatch(t *testing.T) {
	published := map[string]string{"15-1244": "detailed", "13-1020": "detailed", "53-1040": "minor", "11-1000": "minor", "21-1010": "broad"}
	group := func(c string) (string, bool) { g, ok := published[c]; return g, ok }
	cases := []struct{ code, soc, basis string }{
		{"15-1244.00", "15-1244", oews.BasisExact},
		{"15-1244", "15-1244", oews.BasisExact},
		{"13-1022.00", "13-1020", oews.BasisBroadGroup},
		{"21-1014.00", "21-1010", oews.BasisBroadGroup},
		{"53-1042.01", "53-1040", oews.BasisAggregate},
		{"11-1031.00", "", ""},
		{"55-1011.00", "", ""},
		{"nonsense", "", ""},
	}
	for _, c := range cases {
		soc, basis, ok := oews.Match(c.code, group)
		if soc != c.soc || basis != c.basis || ok != (c.soc != "") {
			t.Errorf("Match(%s) = %s %s %v; want %s %s", c.code, soc, basis, ok, c.soc, c.basis)
		}
	}
}
