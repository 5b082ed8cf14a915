package similarity

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestSimilarity(t *testing.T) {
	roles := []Features{
		{Ratings: map[string]float64{"a": 20, "b": 5, "c": 10}, Tech: []string{"excel", "cisco-ios"},
			Title: "Network Administrator", Text: []string{"Configures routers and switches"}},
		{Ratings: map[string]float64{"a": 18, "b": 6, "c": 12}, Tech: []string{"cisco-ios"},
			Title: "Network Engineer", Text: []string{"Designs routers and networks"}},
		{Ratings: map[string]float64{"a": 2, "b": 25, "c": 3}, Tech: []string{"excel"},
			Title: "Payroll Clerk", Text: []string{"Computes wages"}},
	}
	m := Fit(roles, DefaultWeights)
	v := make([]Vector, len(roles))
	for i, f := range roles {
		v[i] = m.Vector(f)
	}
	if self := m.Similarity(v[0], v[0]); !near(self.Total, 1) || !near(self.Ratings, 1) || !near(self.Text, 1) {
		t.Errorf("a role compared with itself: %+v, want 1 for every signal", self)
	}
	close, far := m.Similarity(v[0], v[1]), m.Similarity(v[0], v[2])
	if close.Total <= far.Total || close.Ratings <= far.Ratings || close.Text <= far.Text {
		t.Errorf("network administrator is as like a payroll clerk (%+v) as a network engineer (%+v)", far, close)
	}
	// A side without technologies leaves their weight to the other signals.
	noTech := roles[1]
	noTech.Tech = nil
	p := m.Similarity(v[0], m.Vector(noTech))
	want := (DefaultWeights.Ratings*p.Ratings + DefaultWeights.Text*p.Text) / (DefaultWeights.Ratings + DefaultWeights.Text)
	if p.Tech != 0 || !near(p.Total, want) {
		t.Errorf("without technologies: %+v, want total %v", p, want)
	}
}

func TestTermsFoldPluralsAndDropCommonWords(t *testing.T) {
	got := terms(Features{Title: "Network Engineers", Text: []string{"the policies of networks"}})
	want := map[string]float64{"network": titleWeight + 1, "engineer": titleWeight, "policy": 1}
	if len(got) != len(want) {
		t.Fatalf("terms = %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("terms[%q] = %v, want %v", k, got[k], w)
		}
	}
}

func TestDot(t *testing.T) {
	a := Sparse{Index: []int32{1, 3, 4}, Values: []float64{0.5, 0.5, 0.7071}}
	b := Sparse{Index: []int32{2, 3, 4}, Values: []float64{0.6, 0.8, 0}}
	if got := Dot(a, b); !near(got, 0.4) {
		t.Errorf("Dot = %v, want 0.4", got)
	}
}

func TestIndexMatchesSimilarity(t *testing.T) {
	roles := []Features{
		{Ratings: map[string]float64{"a": 20, "b": 5}, Tech: []string{"x"}, Title: "Network Administrator"},
		{Ratings: map[string]float64{"a": 18, "c": 12}, Title: "Network Engineer", Text: []string{"routers"}},
		{Tech: []string{"x", "y"}, Title: "Payroll Clerk"},
		{},
	}
	m := Fit(roles, DefaultWeights)
	vs := make([]Vector, len(roles))
	for i, f := range roles {
		vs[i] = m.Vector(f)
	}
	ix := m.NewIndex(vs)
	for _, a := range append(roles, Features{Ratings: map[string]float64{"b": 3, "z": 1}, Tech: []string{"y", "new"},
		Title: "payroll network"}) {
		va := m.Vector(a)
		scores := ix.Compare(va)
		for i, vb := range vs {
			if got, want := scores.Parts(i), m.Similarity(va, vb); got != want {
				t.Errorf("index: %+v, Similarity: %+v", got, want)
			}
		}
		scores.Release()
	}
}

// Vectors whose ratings the index shares compare exactly as before, with the index, with
// each other and with vectors of their own; a vector without ratings keeps none.
func TestSharedRatingsCompareAsBefore(t *testing.T) {
	roles := []Features{
		{Ratings: map[string]float64{"a": 20, "b": 5}, Tech: []string{"x"}, Title: "Network Administrator"},
		{Ratings: map[string]float64{"a": 18, "c": 12}, Title: "Network Engineer", Text: []string{"routers"}},
		{Tech: []string{"x", "y"}, Title: "Payroll Clerk"},
	}
	m, own := FitVectors(roles, DefaultWeights)
	shared := slices.Clone(own)
	ix := m.NewIndex(shared)
	ix.ShareRatings(shared)
	if len(shared[2].Ratings.Index) != 0 {
		t.Errorf("a vector without ratings was given %v", shared[2].Ratings)
	}
	if &shared[0].Ratings.Values[0] == &own[0].Ratings.Values[0] {
		t.Fatal("the ratings were not replaced by the index's")
	}
	person := m.Vector(Features{Ratings: map[string]float64{"b": 3, "c": 1}, Tech: []string{"y"}})
	for i := range own {
		if got, want := m.Similarity(person, shared[i]), m.Similarity(person, own[i]); got != want {
			t.Errorf("role %d: shared %+v, own %+v", i, got, want)
		}
		for j := range own {
			if got, want := m.Similarity(shared[j], shared[i]), m.Similarity(own[j], own[i]); got != want {
				t.Errorf("roles %d, %d: shared %+v, own %+v", j, i, got, want)
			}
		}
	}
	scores := ix.Compare(shared[1])
	defer scores.Release()
	for i := range own {
		if got, want := scores.Parts(i), m.Similarity(own[1], own[i]); got != want {
			t.Errorf("index against role %d: %+v, Similarity %+v", i, got, want)
		}
	}
}

func TestFitVectorsMatchesVector(t *testing.T) {
	roles := []Features{
		{Ratings: map[string]float64{"a": 20, "b": 5}, Tech: []string{"x", "x"}, Title: "Network Administrator",
			Text: []string{"Administers networks", "Network Admin"}},
		{Ratings: map[string]float64{"a": 18, "c": 12}, Title: "Network Engineer", Text: []string{"routers", "the of"}},
		{Tech: []string{"x", "y"}, Title: "Payroll Clerk", Text: []string{"Network Admin"}},
	}
	m, vs := FitVectors(roles, DefaultWeights)
	for i, f := range roles {
		want := m.Vector(f)
		for k, pair := range [][2]Sparse{{vs[i].Ratings, want.Ratings}, {vs[i].Tech, want.Tech}, {vs[i].Text, want.Text}} {
			if len(pair[0].Index) != len(pair[1].Index) {
				t.Fatalf("role %d signal %d: %v, want %v", i, k, pair[0], pair[1])
			}
			for j := range pair[0].Index {
				if pair[0].Index[j] != pair[1].Index[j] || !near(pair[0].Values[j], pair[1].Values[j]) {
					t.Errorf("role %d signal %d: %v, want %v", i, k, pair[0], pair[1])
				}
			}
		}
	}
}

// The same fit gives the same vectors to the last digit every time, whatever order Go's
// maps hand their keys in: rating keys are numbered in sorted order, and a length summed
// from a map is summed in a fixed one.
func TestFitIsTheSameEveryTime(t *testing.T) {
	roles := make([]Features, 6)
	for i := range roles {
		roles[i].Ratings = map[string]float64{}
		for k := range 40 {
			roles[i].Ratings[fmt.Sprintf("k%02d", (k*7+i)%53)] = 1 + float64((k*13+i*5)%17)/3
		}
		roles[i].Text = []string{fmt.Sprintf("network routers switches firewall %d cloud storage backup", i)}
	}
	person := Features{Ratings: map[string]float64{"k01": 4.5, "k02": 3.25, "unrated": 2, "also unrated": 5.5},
		Text: []string{"routers unseen words here and there backup"}}
	m, first := FitVectors(roles, DefaultWeights)
	want := m.Vector(person)
	for range 20 {
		m, again := FitVectors(roles, DefaultWeights)
		if !reflect.DeepEqual(again, first) {
			t.Fatal("the same fit gave other vectors")
		}
		if got := m.Vector(person); !reflect.DeepEqual(got, want) {
			t.Fatalf("the same person's vector: %+v, then %+v", want, got)
		}
	}
}
