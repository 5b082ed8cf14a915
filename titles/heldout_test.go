package titles_test

import (
	"testing"

	"github.com/careergraph/careergraph/eval"
	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/onet"
)

// Job titles are matched against O*NET with the reported titles held out (eval.EvaluateTitles,
// here rather than in eval, whose tests hold Neo4j's test lock while they run): better than
// both TF-IDF baselines, and no worse than measured when the evaluation was written
// (EVAL.md; issue 20's targets, top-1 0.55 and top-5 0.85, are not reached yet).
func TestTitlesHeldOut(t *testing.T) {
	d, err := onet.Read(onet.Options{Dir: neo4jtest.Shared(t, "data/onet-29.3"), Tables: []string{onet.Occupations, onet.Titles}})
	if err != nil {
		t.Fatal(err)
	}
	r := eval.EvaluateTitles(d, 8) // an eighth of them: the race detector slows the whole set to 90 s
	t.Log(r)
	if r.Queries < 950 {
		t.Fatalf("only %d reported titles", r.Queries)
	}
	for _, base := range []eval.Accuracy{r.ByTitles, r.ByDocument} {
		if r.Served.Top1 <= base.Top1 || r.Served.Top5 <= base.Top5 {
			t.Errorf("served %s does not beat a baseline at %s", r.Served, base)
		}
	}
	if r.Served.Top1 < 0.49 || r.Served.Top5 < 0.73 {
		t.Errorf("served %s; on this sample it was top-1 0.503 top-5 0.746", r.Served)
	}
}
