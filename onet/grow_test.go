package onet_test

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/onet"
)

// Growing the fixture three times over gives three times the occupations, every record
// pointing at occupations that exist and within its scale, the same graph for the same
// seed and the original left alone.
func TestGrow(t *testing.T) {
	d, err := onet.Read(onet.Options{Dir: "testdata/text"})
	if err != nil {
		t.Fatal(err)
	}
	before := len(d.Occupations)
	g := onet.Grow(d, 3, 7)
	if len(g.Occupations) != 3*before || len(d.Occupations) != before {
		t.Fatalf("grown to %d occupations (original %d, now %d); want %d", len(g.Occupations), before, len(d.Occupations), 3*before)
	}
	v := g.Occupations["15-1244.00v3"]
	if v == nil || !strings.HasSuffix(v.Title, "Network and Computer Systems Administrators") || v.Title == d.Occupations["15-1244.00"].Title {
		t.Errorf("variant 3 of 15-1244.00 = %+v", v)
	}
	for _, r := range g.Ratings {
		if g.Occupations[r.Code] == nil || r.Importance < 1 || r.Importance > 5 || r.Level < 0 || r.Level > 7 || math.IsNaN(r.Level) {
			t.Errorf("rating %+v", r)
		}
	}
	for _, r := range g.Related {
		if g.Occupations[r.From] == nil || g.Occupations[r.To] == nil {
			t.Errorf("relation %+v joins an occupation that does not exist", r)
		}
	}
	for _, u := range g.Tech {
		if g.Occupations[u.Code] == nil {
			t.Errorf("technology use %+v of an occupation that does not exist", u)
		}
	}
	if len(g.Ratings) <= 2*len(d.Ratings) || len(g.Related) <= len(d.Related) {
		t.Errorf("%d ratings and %d relations from %d and %d", len(g.Ratings), len(g.Related), len(d.Ratings), len(d.Related))
	}
	if again := onet.Grow(d, 3, 7); !reflect.DeepEqual(again, g) {
		t.Error("the same seed grew a different graph")
	}
	if other := onet.Grow(d, 3, 8); reflect.DeepEqual(other, g) {
		t.Error("another seed grew the same graph")
	}
}
