package planner_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/planner"
)

func BenchmarkRecommendONet(b *testing.B) {
	if os.Getenv("PROFILE_ONET") == "" {
		b.Skip()
	}
	st := neo4jtest.Store(b)
	ctx := context.Background()
	d, err := onet.Read(onet.Options{Dir: neo4jtest.Shared(b, "data/onet-29.3")})
	if err != nil {
		b.Fatal(err)
	}
	if err := st.ImportONet(ctx, d, func(string, int, time.Duration) {}); err != nil {
		b.Fatal(err)
	}
	pl := planner.New(st)
	for _, role := range []string{"help-desk-technician", "onet-15-1244-00"} {
		b.Run(role, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pl.Recommend(ctx, planner.Profile{RoleID: role}, 5); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
