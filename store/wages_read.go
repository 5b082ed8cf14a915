package store

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/oews"
)

// Limits on wage figures; beyond them a figure is OUT_OF_RANGE.
const (
	maxHourly     = 10_000.0
	maxEmployment = 1e9
	maxRatio      = 1_000.0 // relative standard errors, jobs per 1,000, location quotients
)

// AreaWages are one area's estimates, by SOC code, with the records that failed their check.
type AreaWages struct {
	Area     domain.Area
	BySOC    map[string]domain.Wage
	Problems []domain.Problem
}

// ReadAreaWages reads every estimate of the published OEWS release in one area; nil
// when no such area was imported.
func (s *Store) ReadAreaWages(ctx context.Context, area string) (*AreaWages, error) {
	recs, err := s.readAll(ctx, areaWagesCypher, map[string]any{"area": area})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	am, _ := recs[0].Get("area")
	a, problems := decodeArea(am)
	if a == nil {
		return &AreaWages{Area: domain.Area{ID: area}, Problems: problems}, nil
	}
	out := &AreaWages{Area: *a, BySOC: map[string]domain.Wage{}, Problems: problems}
	raw, _ := recs[0].Get("wages")
	list, _ := raw.([]any)
	for _, item := range list {
		w, bad := decodeWage(item, *a)
		out.Problems = append(out.Problems, bad...)
		if w == nil {
			continue
		}
		if _, dup := out.BySOC[w.SOC.Code]; dup {
			out.Problems = append(out.Problems, domain.Problem{Kind: domain.RecordWage, From: a.ID, To: w.SOC.Code,
				Reason: domain.ReasonDuplicate})
			continue
		}
		out.BySOC[w.SOC.Code] = *w
	}
	return out, nil
}

// ReadOccupationWages reads every area's estimate for one SOC code.
func (s *Store) ReadOccupationWages(ctx context.Context, soc string) ([]domain.Wage, []domain.Problem, error) {
	recs, err := s.readAll(ctx, occupationWagesCypher, map[string]any{"soc": soc})
	if err != nil {
		return nil, nil, err
	}
	var out []domain.Wage
	var problems []domain.Problem
	for _, rec := range recs {
		am, _ := rec.Get("area")
		a, bad := decodeArea(am)
		problems = append(problems, bad...)
		if a == nil {
			continue
		}
		wm, _ := rec.Get("wage")
		w, bad := decodeWage(wm, *a)
		problems = append(problems, bad...)
		if w != nil {
			out = append(out, *w)
		}
	}
	return out, problems, nil
}

// ReadAreas reads every OEWS area.
func (s *Store) ReadAreas(ctx context.Context) ([]domain.Area, []domain.Problem, error) {
	recs, err := s.readAll(ctx, areasCypher, nil)
	if err != nil {
		return nil, nil, err
	}
	var out []domain.Area
	var problems []domain.Problem
	for _, rec := range recs {
		am, _ := rec.Get("area")
		a, bad := decodeArea(am)
		problems = append(problems, bad...)
		if a != nil {
			out = append(out, *a)
		}
	}
	return out, problems, nil
}

func decodeArea(v any) (*domain.Area, []domain.Problem) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, nil
	}
	p := newProps(m, domain.RecordArea, nodeID(m), "")
	a := domain.Area{ID: p.text("id", "id", nonEmpty), Name: p.text("name", "name", nonEmpty),
		Type: p.enum("type", "type", oews.AreaTypes, true), State: p.text("state", "state", optional)}
	if len(p.problems) > 0 {
		return nil, p.problems
	}
	return &a, nil
}

// decodeWage checks one estimate; an estimate with any bad figure is left out whole.
func decodeWage(v any, a domain.Area) (*domain.Wage, []domain.Problem) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, nil
	}
	soc, _ := m["soc"].(string)
	p := newProps(m, domain.RecordWage, a.ID, soc)
	w := domain.Wage{Area: a, SourceID: OEWSSource.ID,
		SOC:   domain.SOC{Code: p.text("soc", "soc", nonEmpty), Title: p.text("title", "soc", nonEmpty)},
		Group: p.enum("group", "basis", oews.Groups, true), HourlyOnly: p.flag("hourlyOnly", "hourlyOnly"),
		AnnualOnly: p.flag("annualOnly", "hourlyOnly"), TopCodedFigures: p.texts("topCoded", "topCoded")}
	if w.SOC.Code != "" && !oews.ValidSOC(w.SOC.Code) {
		p.bad("soc", "soc", domain.ReasonUnknownValue, w.SOC.Code)
	}
	f := unpack(p)
	w.Employment = whole(f["employment"])
	w.EmploymentRSE, w.JobsPer1000, w.LocationQuotient = f["employmentRSE"], f["jobsPer1000"], f["locationQuotient"]
	w.Mean, w.Median = whole(f["mean"]), whole(f["median"])
	w.Percentiles = domain.Percentiles{P10: whole(f["p10"]), P25: whole(f["p25"]), P75: whole(f["p75"]), P90: whole(f["p90"])}
	w.HourlyMean, w.HourlyMedian = f["hourlyMean"], f["hourlyMedian"]
	w.HourlyPercentiles = domain.HourlyPercentiles{P10: f["hourlyP10"], P25: f["hourlyP25"], P75: f["hourlyP75"], P90: f["hourlyP90"]}
	for _, f := range w.TopCodedFigures {
		if !oews.IsWage(f) {
			p.bad("topCoded", "topCoded", domain.ReasonUnknownValue, f)
		}
	}
	if len(p.problems) > 0 {
		return nil, p.problems
	}
	return &w, nil
}

// unpack reads the figures list (see figures in wages.go): one number per oews.Columns,
// each within its range, -1 for a figure not released.
func unpack(p *props) map[string]*float64 {
	out := map[string]*float64{}
	raw, ok := p.m["figures"].([]any)
	if !ok || len(raw) != len(oews.Columns) {
		p.bad("figures", "figures", domain.ReasonWrongType, p.m["figures"])
		return out
	}
	for i, c := range oews.Columns {
		var f float64
		switch v := raw[i].(type) {
		case float64:
			f = v
		case int64:
			f = float64(v)
		default:
			p.bad("figures", c.Property, domain.ReasonWrongType, raw[i])
			return out
		}
		switch {
		case f == notReleased:
			continue
		case math.IsNaN(f) || f < 0 || f > limit(c):
			p.bad("figures", c.Property, domain.ReasonOutOfRange, fmt.Sprintf("%s = %g", c.Name, f))
			continue
		}
		out[c.Property] = &f
	}
	return out
}

// limit is the largest sensible value of a column.
func limit(c oews.Column) float64 {
	switch {
	case c.Property == "employment":
		return maxEmployment
	case c.Wage && strings.HasPrefix(c.Property, "hourly"):
		return maxHourly
	case c.Wage:
		return maxPay
	}
	return maxRatio
}

func whole(f *float64) *int {
	if f == nil {
		return nil
	}
	n := int(math.Round(*f))
	return &n
}
