package eval_test

import (
	"testing"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/titles"
)

// BenchmarkMatchTitles matches 100 job titles as HR systems hold them against every
// O*NET occupation (titles, alternate titles, descriptions), as classifyTitles does.
func BenchmarkMatchTitles(b *testing.B) {
	d, err := onet.Read(onet.Options{Dir: neo4jtest.Shared(b, "data/onet-29.3"), Tables: []string{onet.Occupations, onet.Titles}})
	if err != nil {
		b.Fatal(err)
	}
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
