package onet_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/careergraph/careergraph/onet"
)

func TestBothEditionsReadAlike(t *testing.T) {
	excel, err := onet.Read(onet.Options{Dir: "testdata/excel"})
	if err != nil {
		t.Fatal(err)
	}
	text, err := onet.Read(onet.Options{Dir: "testdata/text"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(excel, text, cmpopts.IgnoreFields(onet.Data{}, "Rows")); diff != "" {
		t.Errorf("the editions differ (-excel +text):\n%s", diff)
	}
	o := excel.Occupations["15-1244.00"]
	if o.Title != "Network and Computer Systems Administrators" || o.JobZone != 4 || o.Education != "Bachelor's Degree" {
		t.Errorf("15-1244.00 = %+v", o)
	}
	if !slices.Contains(o.AlternateTitles, "Sysadmin") || !slices.Contains(o.AlternateTitles, "Systems Administrator") {
		t.Errorf("alternate and reported titles: %v", o.AlternateTitles)
	}
	if len(excel.Ratings) != 12 || len(excel.Tech) != 3 || len(excel.Related) != 6 || len(excel.Elements) != 3 {
		t.Errorf("%d ratings, %d technologies, %d relations, %d elements", len(excel.Ratings), len(excel.Tech),
			len(excel.Related), len(excel.Elements))
	}
}

// corrupt copies the fixture edition and replaces old with new in one of its files.
func corrupt(t *testing.T, file, old, new string) string {
	t.Helper()
	dir := t.TempDir()
	entries, _ := os.ReadDir("testdata/excel")
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata/excel", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == file {
			if !strings.Contains(string(b), old) {
				t.Fatalf("%s has no %q", file, old)
			}
			b = []byte(strings.Replace(string(b), old, new, 1))
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestMalformedRowsAreReportedWithFileLineAndColumn(t *testing.T) {
	tests := []struct{ name, file, old, new, want string }{
		{"not a number", "Skills.txt", "IM\tImportance\t3.5", "IM\tImportance\thigh",
			`Skills.txt:2: column "Data Value": "high" is not a number`},
		{"bad code", "Job Zones.txt", "15-1244.00\tNetwork and Computer Systems Administrators\t4", "15-1244\tNetwork and Computer Systems Administrators\t4",
			`Job Zones.txt:3: column "O*NET-SOC Code": "15-1244" is not an O*NET-SOC code`},
		{"job zone out of range", "Job Zones.txt", "Administrators\t4", "Administrators\t9",
			`Job Zones.txt:3: column "Job Zone": 9 is not a job zone`},
		{"missing column", "Related Occupations.txt", "Relatedness Tier", "Tier",
			`Related Occupations.txt:1: column "Relatedness Tier": the header has no such column`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := corrupt(t, tt.file, tt.old, tt.new)
			_, err := onet.Read(onet.Options{Dir: dir})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "nothing was imported") {
				t.Errorf("got %v, want %s", err, tt.want)
			}
		})
	}
}

func TestSkipBadRows(t *testing.T) {
	dir := corrupt(t, "Skills.txt", "IM\tImportance\t3.5", "IM\tImportance\thigh")
	d, err := onet.Read(onet.Options{Dir: dir, SkipBadRows: true})
	if err != nil {
		t.Fatal(err)
	}
	if d.Skipped != 1 || len(d.Ratings) != 11 {
		t.Errorf("skipped %d, kept %d ratings; want 1 and 11", d.Skipped, len(d.Ratings))
	}
}

func TestChoosingTables(t *testing.T) {
	d, err := onet.Read(onet.Options{Dir: "testdata/text", Tables: []string{onet.Occupations, onet.Related}})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Occupations) != 4 || len(d.Related) != 6 || len(d.Ratings) != 0 || len(d.Tech) != 0 {
		t.Errorf("read %d occupations, %d relations, %d ratings, %d technologies", len(d.Occupations), len(d.Related), len(d.Ratings), len(d.Tech))
	}
	if _, err := onet.Read(onet.Options{Dir: "testdata/text", Tables: []string{"abilities"}}); err == nil ||
		!strings.Contains(err.Error(), "unknown table") {
		t.Errorf("unknown table: %v", err)
	}
}

func TestIDs(t *testing.T) {
	for in, want := range map[string]string{
		onet.ID("15-1244.00"): "onet-15-1244-00", onet.ElementID("2.A.1.a"): "onet-2-a-1-a",
		onet.TechID("C++"): "tech-c-plus-plus", onet.TechID("C#"): "tech-c-sharp", onet.TechID("Microsoft Excel"): "tech-microsoft-excel",
	} {
		if in != want {
			t.Errorf("got %s, want %s", in, want)
		}
	}
}

// The full data in ../shared: every row read, counts as its ABOUT.md gives them.
func TestFullDataRowCounts(t *testing.T) {
	dir := sharedONet(t)
	d, err := onet.Read(onet.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"Occupation Data.txt": 1016, "Job Zones.txt": 923, "Skills.txt": 61530, "Knowledge.txt": 58014,
		"Technology Skills.txt": 32681, "Alternate Titles.txt": 56560, "Sample of Reported Titles.txt": 7796,
		"Related Occupations.txt": 18460, "Education, Training, and Experience.txt": 36209,
		"Education, Training, and Experience Categories.txt": 41}
	for file, n := range want {
		if d.Rows[file] != n {
			t.Errorf("%s: read %d rows, ABOUT.md says %d", file, d.Rows[file], n)
		}
	}
	if len(d.Elements) != 35+33 {
		t.Errorf("%d skills and knowledge areas, want 68", len(d.Elements))
	}
	named := map[string]string{}
	for id, e := range d.Elements {
		if other, ok := named[e.Name]; ok {
			t.Errorf("%s and %s are both named %q", other, id, e.Name)
		}
		named[e.Name] = id
	}
	if named["Mathematics"] != "2.A.1.e" || named["Mathematics (knowledge)"] != "2.C.4.a" {
		t.Errorf("the skill Mathematics is %q, the knowledge area %q", named["Mathematics"], named["Mathematics (knowledge)"])
	}
}
