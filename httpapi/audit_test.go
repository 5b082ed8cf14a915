package httpapi_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// graphql-http's own server audits (every MUST, SHOULD and MAY of the GraphQL over HTTP
// specification it checks) pass against the live handler. make test installs the audit
// (httpapi/audit/package.json, pinned with its lockfile).
func TestGraphQLOverHTTPAudit(t *testing.T) {
	dir := filepath.Join(neo4jtest.RepoRoot(), "httpapi", "audit")
	node, err := exec.LookPath("node")
	if _, serr := os.Stat(filepath.Join(dir, "node_modules", "graphql-http")); err != nil || serr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the audit needs node and its packages (make audit installs them): %v %v", err, serr)
		}
		t.Skip("node or the audit's packages are missing; run make audit")
	}
	srv, _ := newServer(t)
	out, err := exec.Command(node, filepath.Join(dir, "audit.mjs"), srv.URL+"/graphql").Output()
	if err != nil {
		t.Fatalf("audit: %v", err)
	}
	var report struct {
		Results []struct{ ID, Name, Status, Reason string }
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("audit output: %v: %s", err, out)
	}
	if len(report.Results) < 60 {
		t.Errorf("only %d audits ran", len(report.Results))
	}
	for _, r := range report.Results {
		if r.Status != "ok" {
			t.Errorf("%s %s: %s", r.Status, r.Name, r.Reason)
		}
	}
	t.Logf("%d audits passed", len(report.Results))
}
