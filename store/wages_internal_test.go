package store

import (
	"math"
	"testing"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/oews"
)

// goodWage is an estimate's properties as the importer writes them (Texas, 15-1244).
func goodWage() map[string]any {
	figures := []any{34840.0, 3.1, 2.6, 1.05, 50.43, 104900.0, 1.2, 30.6, 37.51, 48.67, 60.02, 74.73,
		63650.0, 78020.0, 101240.0, 124840.0, 155430.0}
	return map[string]any{"area": "48", "soc": "15-1244", "title": "Network and Computer Systems Administrators",
		"group": "detailed", "figures": figures, "release": "r"}
}

var texas = domain.Area{ID: "48", Name: "Texas", Type: "STATE", State: "TX"}

// An estimate reads with every figure in its place; a figure not released (-1) is null.
func TestDecodeWage(t *testing.T) {
	m := goodWage()
	m["figures"].([]any)[2] = -1.0 // jobsPer1000 not released
	m["topCoded"] = []any{"p90"}
	w, problems := decodeWage(m, texas)
	if w == nil || len(problems) > 0 {
		t.Fatalf("a good estimate: %+v %v", w, problems)
	}
	if *w.Employment != 34840 || *w.Median != 101240 || *w.HourlyMedian != 48.67 || *w.Percentiles.P90 != 155430 ||
		w.JobsPer1000 != nil || !w.TopCoded() || w.SOC.Title == "" || w.Area != texas {
		t.Errorf("decoded %+v", w)
	}
	if len(oews.Columns) != len(goodWage()["figures"].([]any)) {
		t.Fatal("the sample's figures do not match oews.Columns")
	}
}

// A bad estimate is left out whole, with a problem naming it; nothing is made up.
func TestDecodeWageChecksEveryProperty(t *testing.T) {
	figure := func(i int, v any) func(m map[string]any) {
		return func(m map[string]any) { m["figures"].([]any)[i] = v }
	}
	set := func(k string, v any) func(m map[string]any) { return func(m map[string]any) { m[k] = v } }
	for name, c := range map[string]struct {
		edit             func(map[string]any)
		property, reason string
	}{
		"figures missing":      {set("figures", nil), "figures", domain.ReasonWrongType},
		"figures too short":    {set("figures", []any{1.0}), "figures", domain.ReasonWrongType},
		"a figure as text":     {figure(14, "101240"), "figures", domain.ReasonWrongType},
		"a negative median":    {figure(14, -5.0), "figures", domain.ReasonOutOfRange},
		"a NaN median":         {figure(14, math.NaN()), "figures", domain.ReasonOutOfRange},
		"an absurd hourly":     {figure(9, 1e6), "figures", domain.ReasonOutOfRange},
		"an unknown group":     {set("group", "tiny"), "group", domain.ReasonUnknownValue},
		"a bad SOC code":       {set("soc", "151244"), "soc", domain.ReasonUnknownValue},
		"no title":             {set("title", nil), "title", domain.ReasonMissing},
		"top-coded employment": {set("topCoded", []any{"employment"}), "topCoded", domain.ReasonUnknownValue},
		"hourlyOnly as text":   {set("hourlyOnly", "yes"), "hourlyOnly", domain.ReasonWrongType},
	} {
		m := goodWage()
		c.edit(m)
		w, problems := decodeWage(m, texas)
		if w != nil || len(problems) == 0 || problems[0].Property != c.property || problems[0].Reason != c.reason ||
			problems[0].Kind != domain.RecordWage || problems[0].From != "48" {
			t.Errorf("%s: %+v, problems %+v; want it left out for %s %s", name, w, problems, c.property, c.reason)
		}
	}
	if a, problems := decodeArea(map[string]any{"id": "48", "name": "Texas", "type": "COUNTY"}); a != nil || len(problems) != 1 ||
		problems[0].Reason != domain.ReasonUnknownValue {
		t.Errorf("an area of unknown type: %+v %+v", a, problems)
	}
}
