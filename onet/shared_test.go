package onet_test

import (
	"testing"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// sharedONet is the O*NET copy in ../shared; with CI=true it must be there.
func sharedONet(t *testing.T) string {
	return neo4jtest.Shared(t, "data/onet-29.3")
}
