package neo4jtest_test

import (
	"context"
	"testing"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// A test that leaves something in the graph does not leave it to the next: whoever takes
// the lock next finds the curated graph again, though the first test never reset it.
func TestNextHolderFindsTheCuratedGraph(t *testing.T) {
	ctx := context.Background()
	t.Run("writes and leaves", func(t *testing.T) {
		neo4jtest.Store(t)
		neo4jtest.Cypher(t, `CREATE (:Role {id: 'left-behind', title: 'Left Behind'})`, nil)
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
