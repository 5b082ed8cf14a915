package titles_test

import (
	"testing"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/eval"
	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/titles"
)

// Job titles are matched against O*NET with the reported titles held out (eval.EvaluateTitles,
// here rather than in eval, whose tests hold Neo4j's test lock while they run): better than
// both TF-IDF baselines, and no worse than measured when the evaluation was written
// (EVAL.md; issue 20's targets, top-1 0.55 and top-5 0.85, are not reached yet).
func TestTitlesHeldOut(t *testing.T) {
	r := eval.EvaluateTitles(occupations(t), 8) // an eighth of them: the race detector slows the whole set to 90 s
	t.Log(r)
	if r.Known.Queries < 4000 || r.Known.First < 0.99 {
		t.Errorf("titles as indexed: %d asked, %.3f first; want at least 0.99 (measured 0.997 over all)", r.Known.Queries, r.Known.First)
	}
	if r.Queries < 950 {
		t.Fatalf("only %d reported titles", r.Queries)
	}
	for _, base := range []eval.Accuracy{r.ByTitles, r.ByDocument} {
		if r.Served.Top1 <= base.Top1 || r.Served.Top5 <= base.Top5 {
			t.Errorf("served %s does not beat a baseline at %s", r.Served, base)
		}
	}
	if r.Served.Top1 < 0.51 || r.Served.Top5 < 0.75 {
		t.Errorf("served %s; on this sample it was top-1 0.520 top-5 0.756", r.Served)
	}
}

// occupations reads O*NET's occupations and titles from ../shared.
func occupations(tb testing.TB) *onet.Data {
	d, err := onet.Read(onet.Options{Dir: neo4jtest.Shared(tb, "data/onet-29.3"), Tables: []string{onet.Occupations, onet.Titles}})
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// BenchmarkMatchTitles matches 100 job titles as HR systems hold them against every
// O*NET occupation (titles, alternate titles, descriptions), as classifyTitles does.
func BenchmarkMatchTitles(b *testing.B) {
	d := occupations(b)
	var roles []domain.Role
	for code, o := range d.Occupations {
		roles = append(roles, domain.Role{ID: onet.ID(code), Title: o.Title, AlternateTitles: o.AlternateTitles,
			Summary: o.Description, SocCodes: []string{code}})
	}
	b.Run("index", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			titles.ForRoles(roles)
		}
	})
	ix := titles.ForRoles(roles)
	batch := []string{"Desktop Support Tech II", "Sr. Linux Admin", "RN - ICU", "CDL-A Truck Driver", "Help Desk Analyst",
		"Network Engineer III", "Jr. Accountant", "Line Cook", "Retail Sales Associate", "Warehouse Associate",
		"Registered Nurse - Med/Surg", "Software Dev Lead", "HR Generalist", "Admin Asst", "Customer Svc Rep",
		"Maintenance Tech", "Project Mgr", "Sr. Data Analyst", "Elementary School Teacher", "Cloud Engineer (AWS)"}
	b.Run("100 titles", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for range 5 {
				for _, t := range batch {
					ix.Match(t, 5)
				}
			}
		}
	})
}
