package graph

import (
	"cmp"
	"slices"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/graph/model"
	"github.com/careergraph/careergraph/oews"
)

// connection pages a list held in memory.
func connection[T any](all []T, skip, limit int) *model.Connection[T] {
	items := all[min(skip, len(all)):min(skip+limit, len(all))]
	return &model.Connection[T]{Edges: edges(items, skip), Nodes: items, PageInfo: pageInfo(len(items), skip, len(all)),
		TotalCount: len(all)}
}

// sortWages orders estimates by o (median pay, highest first, by default), those without
// the figure last and ties by area name.
func sortWages(ws []domain.Wage, o *model.WageOrder) {
	field, desc := model.WageSortFieldMedian, true
	if o != nil {
		field, desc = o.Field, o.Direction == model.SortDirectionDesc
	}
	key := func(w *domain.Wage) (float64, bool) {
		switch field {
		case model.WageSortFieldEmployment:
			if w.Employment != nil {
				return float64(*w.Employment), true
			}
			return 0, false
		case model.WageSortFieldLocationQuotient:
			if w.LocationQuotient != nil {
				return *w.LocationQuotient, true
			}
			return 0, false
		}
		return yearlyMedian(w)
	}
	slices.SortStableFunc(ws, func(a, b domain.Wage) int {
		ka, oka := key(&a)
		kb, okb := key(&b)
		switch {
		case oka != okb:
			if oka {
				return -1
			}
			return 1
		case ka != kb && desc:
			return cmp.Compare(kb, ka)
		case ka != kb:
			return cmp.Compare(ka, kb)
		}
		return cmp.Compare(a.Area.Name, b.Area.Name)
	})
}

// yearlyMedian is the median to sort by: yearly, or hourly × 2,080 as BLS annualises,
// with a top-coded median at the top code.
func yearlyMedian(w *domain.Wage) (float64, bool) {
	switch {
	case w.Median != nil:
		return float64(*w.Median), true
	case slices.Contains(w.TopCodedFigures, "median"):
		return oews.TopCodeAnnual, true
	case w.HourlyMedian != nil:
		return *w.HourlyMedian * 2080, true
	case slices.Contains(w.TopCodedFigures, "hourlyMedian"):
		return oews.TopCodeHourly * 2080, true
	}
	return 0, false
}
