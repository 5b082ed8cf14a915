package neo4jtest_test

import (
	"context"
	"os"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// A test that leaves something in the graph does not leave it to the next: whoever takes
// the lock next finds the curated graph again, though the first test never reset it.
func TestNextHolderFindsTheCuratedGraph(t *testing.T) {
	ctx := context.Background()
	t.Run("writes and leaves", func(t *testing.T) {
		neo4jtest.Store(t)
		auth := neo4j.NoAuth()
		if u := os.Getenv("NEO4J_USER"); u != "" {
			auth = neo4j.BasicAuth(u, os.Getenv("NEO4J_PASSWORD"), "")
		}
		d, err := neo4j.NewDriverWithContext(neo4jtest.URI(), auth)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close(ctx)
		if _, err := neo4j.ExecuteQuery(ctx, d, `CREATE (:Role {id: 'left-behind', title: 'Left Behind'})`, nil,
			neo4j.EagerResultTransformer); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("finds the curated graph", func(t *testing.T) {
		st := neo4jtest.Store(t)
		roles, err := st.RolesByIDs(ctx, []string{"left-behind", "help-desk-technician"})
		if err != nil {
			t.Fatal(err)
		}
		if len(roles) != 1 || roles[0].ID != "help-desk-technician" {
			t.Errorf("the next holder finds %+v; want the curated help desk technician alone", roles)
		}
	})
}
