package httpapi_test

import (
	"bufio"
	"math"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// wages is the selection the tests read of a Wages.
const wagesFields = `area { id name type } soc { code title } basis nationalFallback employment median mean
	hourlyMedian percentiles { p10 p90 } topCoded topCodedFigures hourlyOnly annualOnly source { id }`

type wagesAnswer struct {
	Area             struct{ ID, Name, Type string }
	Soc              struct{ Code, Title string }
	Basis            string
	NationalFallback bool
	Employment       *int
	Median, Mean     *int
	HourlyMedian     *float64
	Percentiles      struct{ P10, P90 *int }
	TopCoded         bool
	TopCodedFigures  []string
	HourlyOnly       bool
	AnnualOnly       bool
	Source           struct{ ID string }
}

// Over the curated graph with a sample of OEWS: wages by area, the nation's where the area
// has none, areas for a type-ahead, a clear error for an unknown area, and a bad estimate
// written straight into Neo4j left out and listed in dataProblems.
func TestWagesOverASample(t *testing.T) {
	srv := curatorServer(t)
	st := neo4jtest.Store(t)
	neo4jtest.ImportOEWS(t, st, filepath.Join(neo4jtest.RepoRoot(), "oews", "testdata"))
	var data struct {
		Role struct {
			National, Texas, Alabama *wagesAnswer
		}
		Areas struct{ Nodes []struct{ ID, Name string } }
	}
	noErrors(t, query(t, srv, `{ role(id: "help-desk-technician") {
		national: wages { `+wagesFields+` } texas: wages(area: "48") { `+wagesFields+` } alabama: wages(area: "01") { `+wagesFields+` } }
		areas(search: "tex") { nodes { id name } } }`, nil, &data))
	n, tx, al := data.Role.National, data.Role.Texas, data.Role.Alabama
	if n == nil || n.Area.ID != "99" || n.Soc.Code != "15-1232" || n.Basis != "EXACT" || n.Median == nil || n.Source.ID != "bls-oews-2025" {
		t.Fatalf("national wages of help desk = %+v", n)
	}
	if tx == nil || tx.Area.Name != "Texas" || tx.NationalFallback || *tx.Median == *n.Median {
		t.Errorf("Texas wages of help desk = %+v", tx)
	}
	if al == nil || !al.NationalFallback || al.Area.ID != "99" || *al.Median != *n.Median {
		t.Errorf("Alabama (no estimate for 15-1232 in the sample) = %+v; want the nation's, marked", al)
	}
	if len(data.Areas.Nodes) != 1 || data.Areas.Nodes[0].ID != "48" {
		t.Errorf("areas(search: tex) = %+v", data.Areas.Nodes)
	}
	r := query(t, srv, `{ recommendations(profile: {currentRole: "help-desk-technician", area: "ZZ"}) { roles { role { id } } } }`, nil, nil)
	if r.code(0) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, `area "ZZ"`) {
		t.Errorf("an unknown area: %+v", r.Errors)
	}
	direct(t, `MATCH (w:Wage {area: '48', soc: '15-1232'}) SET w.figures = ['a lot']`)
	neo4jtest.Eventually(t, 10*time.Second, "the bad estimate left out and listed", func() bool {
		var d struct{ Role struct{ Wages *wagesAnswer } }
		noErrors(t, query(t, srv, `{ role(id: "help-desk-technician") { wages(area: "48") { `+wagesFields+` } } }`, nil, &d))
		return d.Role.Wages != nil && d.Role.Wages.NationalFallback &&
			strings.Contains(strings.Join(problemsOf(t, srv), "\n"), "WAGE 48 15-1232 figures WRONG_TYPE")
	})
}

// fileRow reads one row of the OEWS file, by column name.
func fileRow(t *testing.T, area, soc string) map[string]string {
	t.Helper()
	f, err := os.Open(neo4jtest.Shared(t, "data/oews-2025/all_data_M_2025.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan()
	header := strings.Split(sc.Text(), "\t")
	for sc.Scan() {
		cells := strings.Split(sc.Text(), "\t")
		if cells[0] == area && cells[8] == soc {
			row := map[string]string{}
			for i, h := range header {
				row[h] = cells[i]
			}
			return row
		}
	}
	t.Fatalf("the OEWS file has no row for %s in area %s", soc, area)
	return nil
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return f
}

// wagesOverONet checks the figures of every role against the file, with O*NET and OEWS imported.
func wagesOverONet(t *testing.T, srv *httptest.Server) {
	answered, occupations, after := 0, 0, ""
	for {
		var page struct {
			Roles struct {
				Nodes []struct {
					ID       string
					SocCodes []string
					Wages    *wagesAnswer
				}
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
			}
		}
		noErrors(t, query(t, srv, `query($after: String) { roles(first: 100, after: $after) { nodes { id socCodes wages { `+wagesFields+` } }
			pageInfo { hasNextPage endCursor } } }`, map[string]any{"after": after}, &page))
		for _, r := range page.Roles.Nodes {
			w := r.Wages
			known := w != nil && w.Basis != "" && (w.Median != nil || w.HourlyMedian != nil || w.TopCoded)
			if strings.HasPrefix(r.ID, "onet-") {
				occupations++
			} else if !known {
				t.Errorf("curated role %s has no national wages: %+v", r.ID, w)
			}
			if known && strings.HasPrefix(r.ID, "onet-") {
				answered++
			}
		}
		if !page.Roles.PageInfo.HasNextPage {
			break
		}
		after = page.Roles.PageInfo.EndCursor
	}
	if share := float64(answered) / float64(occupations); occupations < 1000 || share < 0.97 {
		t.Errorf("%d of %d occupations (%.1f%%) answer national wages; want at least 97%%", answered, occupations, 100*share)
	}
	checkFileFigures(t, srv)
	checkWagesByArea(t, srv)
}

// checkWagesByArea: where network administrators are most employed among the states,
// most first, and where they are paid most, with the same count either way.
func checkWagesByArea(t *testing.T, srv *httptest.Server) {
	var data struct {
		Role struct {
			Employed, Paid struct {
				TotalCount int
				Nodes      []wagesAnswer
			}
		}
	}
	noErrors(t, query(t, srv, `{ role(id: "onet-15-1244-00") {
		employed: wagesByArea(orderBy: {field: EMPLOYMENT}, type: STATE, first: 5) { totalCount nodes { `+wagesFields+` } }
		paid: wagesByArea(type: STATE, first: 5) { totalCount nodes { `+wagesFields+` } } } }`, nil, &data))
	e, p := data.Role.Employed, data.Role.Paid
	if e.TotalCount < 50 || e.TotalCount != p.TotalCount || len(e.Nodes) != 5 || len(p.Nodes) != 5 {
		t.Fatalf("wagesByArea over the states: %d and %d estimates", e.TotalCount, p.TotalCount)
	}
	for i := 1; i < 5; i++ {
		if *e.Nodes[i].Employment > *e.Nodes[i-1].Employment || *p.Nodes[i].Median > *p.Nodes[i-1].Median || e.Nodes[i].Area.Type != "STATE" {
			t.Errorf("wagesByArea out of order at %d: %+v / %+v", i, e.Nodes[i], p.Nodes[i])
		}
	}
	if e.Nodes[0].Area.Name != "California" && e.Nodes[0].Area.Name != "Texas" {
		t.Errorf("most network administrators work in %s", e.Nodes[0].Area.Name)
	}
}

// checkFileFigures compares figures with the file: a plain one, a top-coded one, an hourly-only one.
func checkFileFigures(t *testing.T, srv *httptest.Server) {
	var data struct{ Admin, Surgeons, Actors, Teachers struct{ Wages wagesAnswer } }
	noErrors(t, query(t, srv, `{ admin: role(id: "onet-15-1244-00") { wages(area: "48") { `+wagesFields+` } }
		surgeons: role(id: "onet-29-1022-00") { wages(area: "01") { `+wagesFields+` } }
		actors: role(id: "onet-27-2011-00") { wages { `+wagesFields+` } }
		teachers: role(id: "onet-25-2021-00") { wages { `+wagesFields+` } } }`, nil, &data))
	row := fileRow(t, "48", "15-1244")
	if a := data.Admin.Wages; a.Median == nil || float64(*a.Median) != num(t, row["A_MEDIAN"]) || float64(*a.Employment) != num(t, row["TOT_EMP"]) {
		t.Errorf("15-1244 in Texas = %+v; the file says median %s, employment %s", a, row["A_MEDIAN"], row["TOT_EMP"])
	}
	row = fileRow(t, "01", "29-1022")
	if s := data.Surgeons.Wages; row["A_MEDIAN"] != "#" || s.Median != nil || !s.TopCoded || !strings.Contains(strings.Join(s.TopCodedFigures, " "), "median") {
		t.Errorf("29-1022 in Alabama = %+v; the file says median %q (top-coded)", s, row["A_MEDIAN"])
	}
	row = fileRow(t, "99", "27-2011")
	if a := data.Actors.Wages; row["HOURLY"] != "TRUE" || !a.HourlyOnly || a.Median != nil || a.HourlyMedian == nil ||
		math.Abs(*a.HourlyMedian-num(t, row["H_MEDIAN"])) > 1e-9 {
		t.Errorf("27-2011 = %+v; the file says hourly only, hourly median %s", a, row["H_MEDIAN"])
	}
	row = fileRow(t, "99", "25-2021")
	if a := data.Teachers.Wages; row["ANNUAL"] != "TRUE" || !a.AnnualOnly || a.HourlyOnly || a.HourlyMedian != nil ||
		a.Median == nil || float64(*a.Median) != num(t, row["A_MEDIAN"]) {
		t.Errorf("25-2021 = %+v; the file says annual only, median %s", a, row["A_MEDIAN"])
	}
}

// payAlongPaths: every path from help desk to IT manager compares Texas medians, and the
// recommendations' salary parts follow them.
func payAlongPaths(t *testing.T, srv *httptest.Server) {
	var data struct {
		CareerPaths struct {
			Paths []struct {
				SalaryChange *struct {
					MedianChange       *int
					FromWages, ToWages *wagesAnswer
				}
			}
		}
		Recommendations struct {
			Roles []struct {
				Role       struct{ ID string }
				ScoreParts struct{ Salary float64 }
				Wages      *wagesAnswer
				Reason     string
			}
		}
		Start struct{ Wages wagesAnswer }
	}
	noErrors(t, query(t, srv, `{ careerPaths(from: "help-desk-technician", to: "onet-11-3021-00", area: "48") {
		paths { salaryChange { medianChange fromWages { `+wagesFields+` } toWages { `+wagesFields+` } } } }
		recommendations(profile: {currentRole: "help-desk-technician", area: "48"}, first: 10) {
			roles { role { id } scoreParts { salary } wages { `+wagesFields+` } reason } }
		start: role(id: "help-desk-technician") { wages(area: "48") { `+wagesFields+` } } }`, nil, &data))
	if len(data.CareerPaths.Paths) == 0 {
		t.Fatal("no path from help desk to IT manager")
	}
	for i, p := range data.CareerPaths.Paths {
		c := p.SalaryChange
		if c == nil || c.MedianChange == nil || c.FromWages.Area.ID != "48" || *c.MedianChange != *c.ToWages.Median-*c.FromWages.Median {
			t.Errorf("path %d: salaryChange %+v; want Texas medians compared", i+1, c)
		}
	}
	from := float64(*data.Start.Wages.Median)
	parts := map[float64]bool{}
	for _, r := range data.Recommendations.Roles {
		parts[r.ScoreParts.Salary] = true
		if r.Wages == nil || r.Wages.Median == nil {
			continue
		}
		want := min(1, max(0, 0.5+0.5*math.Log2(float64(*r.Wages.Median)/from)))
		if math.Abs(r.ScoreParts.Salary-want) > 1e-9 || !strings.Contains(r.Reason, "Median pay") {
			t.Errorf("%s: salary part %.4f, want %.4f from Texas medians %d and %.0f; reason %q", r.Role.ID,
				r.ScoreParts.Salary, want, *r.Wages.Median, from, r.Reason)
		}
	}
	if len(parts) < 3 {
		t.Errorf("the salary parts of 10 recommendations take %d values; they must follow each role's pay", len(parts))
	}
}
