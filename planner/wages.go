package planner

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/oews"
	"github.com/careergraph/careergraph/store"
)

// WageStore is what the planner reads wages with. A store without it has no wages, and
// every wage answers null.
type WageStore interface {
	ReadAreaWages(ctx context.Context, area string) (*store.AreaWages, error)
	ReadOccupationWages(ctx context.Context, soc string) ([]domain.Wage, []domain.Problem, error)
	ReadAreas(ctx context.Context) ([]domain.Area, []domain.Problem, error)
}

// Bounds on what one snapshot keeps: the estimates of an area are about 250 KB, every
// area's estimates for one occupation about 150 KB.
const (
	maxCachedAreas       = 64
	maxCachedOccupations = 64
)

// wageBook keeps the wage estimates read under one snapshot, each read once: the area
// list, the estimates of the areas asked for, and every area's estimates for the
// occupations asked for. A new snapshot starts a new book, so an import is seen with the
// snapshot that sees its version.
type wageBook struct {
	st          WageStore
	log         func([]domain.Problem) // logs problems found in wage records
	areas       readOnce[*store.AreaWages]
	medians     readOnce[*areaMedians]
	occupations readOnce[[]domain.Wage]
	list        readOnce[[]domain.Area]
	mu          sync.Mutex
	problems    map[string]domain.Problem
}

func newWageBook(st Store, log func([]domain.Problem)) *wageBook {
	ws, _ := st.(WageStore)
	return &wageBook{st: ws, log: log, areas: readOnce[*store.AreaWages]{max: maxCachedAreas},
		medians:     readOnce[*areaMedians]{max: maxCachedAreas},
		occupations: readOnce[[]domain.Wage]{max: maxCachedOccupations}, list: readOnce[[]domain.Area]{max: 1},
		problems: map[string]domain.Problem{}}
}

// readOnce is a cache of reads by key: concurrent requests for a key share one read, a
// failed read is forgotten so that the next request reads again, and beyond max keys
// the oldest is dropped.
type readOnce[T any] struct {
	mu      sync.Mutex
	max     int
	entries map[string]*onceEntry[T]
	order   []string // oldest first
}

type onceEntry[T any] struct {
	once sync.Once
	val  T
	err  error
}

func (c *readOnce[T]) get(key string, read func() (T, error)) (T, error) {
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[string]*onceEntry[T]{}
	}
	e, ok := c.entries[key]
	if !ok {
		e = &onceEntry[T]{}
		c.entries[key], c.order = e, append(c.order, key)
		if len(c.order) > c.max {
			delete(c.entries, c.order[0])
			c.order = c.order[1:]
		}
	}
	c.mu.Unlock()
	e.once.Do(func() { e.val, e.err = read() })
	if e.err != nil {
		c.mu.Lock()
		if c.entries[key] == e {
			delete(c.entries, key)
			c.order = slices.DeleteFunc(c.order, func(s string) bool { return s == key })
		}
		c.mu.Unlock()
	}
	return e.val, e.err
}

// area returns the estimates of one area; nil when the area is not imported.
func (b *wageBook) area(ctx context.Context, id string) (*store.AreaWages, error) {
	if b.st == nil {
		return nil, nil
	}
	return b.areas.get(id, func() (*store.AreaWages, error) {
		aw, err := b.st.ReadAreaWages(ctx, id)
		if aw != nil {
			b.note(aw.Problems)
		}
		return aw, err
	})
}

// occupation returns every area's estimate for one SOC code.
func (b *wageBook) occupation(ctx context.Context, soc string) ([]domain.Wage, error) {
	return b.occupations.get(soc, func() ([]domain.Wage, error) {
		all, problems, err := b.st.ReadOccupationWages(ctx, soc)
		b.note(problems)
		return all, err
	})
}

// note keeps problems found in wage records, for dataProblems, and logs them.
func (b *wageBook) note(problems []domain.Problem) {
	if len(problems) == 0 {
		return
	}
	b.mu.Lock()
	for _, p := range problems {
		b.problems[p.Key()] = p
	}
	b.mu.Unlock()
	b.log(problems)
}

func (b *wageBook) noted() []domain.Problem {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]domain.Problem, 0, len(b.problems))
	for _, p := range b.problems {
		out = append(out, p)
	}
	return out
}

// allAreas returns every area: the nation first, then by type and name.
func (b *wageBook) allAreas(ctx context.Context) ([]domain.Area, error) {
	if b.st == nil {
		return nil, nil
	}
	return b.list.get("", func() ([]domain.Area, error) {
		areas, problems, err := b.st.ReadAreas(ctx)
		b.note(problems)
		slices.SortFunc(areas, func(x, y domain.Area) int {
			return cmp.Or(cmp.Compare(slices.Index(oews.AreaTypes, x.Type), slices.Index(oews.AreaTypes, y.Type)),
				cmp.Compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID))
		})
		return areas, err
	})
}

// matchWage finds a role's estimate among an area's: through its first SOC code (an O*NET
// occupation's own, a curated role's main classification).
func matchWage(role domain.Role, aw *store.AreaWages) (*domain.Wage, bool) {
	if aw == nil || len(role.SocCodes) == 0 {
		return nil, false
	}
	soc, basis, ok := oews.Match(role.SocCodes[0], func(code string) (string, bool) {
		w, ok := aw.BySOC[code]
		return w.Group, ok
	})
	if !ok {
		return nil, false
	}
	w := aw.BySOC[soc]
	w.Basis = basis
	return &w, true
}

func unknownArea(area string) error {
	return inputErr("area %q is not a BLS area code the graph has wages for; look one up with areas(search: ...), or import the wages with make oews", area)
}

// Wage returns a role's employment and wages in an area ("" for the nation), the nation's
// marked NationalFallback when the area has none; nil when neither has one or no wages are
// imported. An area not imported is an InputError.
func (p *Planner) Wage(ctx context.Context, role domain.Role, area string) (*domain.Wage, error) {
	snap, err := p.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	pay, err := snap.pay(ctx, area)
	if err != nil {
		return nil, err
	}
	return pay(role), nil
}

// Areas returns the areas whose name contains search (any case; all when empty) and of
// type areaType (any when empty), the nation first, then by type and name.
func (p *Planner) Areas(ctx context.Context, search, areaType string) ([]domain.Area, error) {
	snap, err := p.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	all, err := snap.wages.allAreas(ctx)
	if err != nil {
		return nil, err
	}
	search = strings.ToLower(strings.TrimSpace(search))
	var out []domain.Area
	for _, a := range all {
		if (areaType == "" || a.Type == areaType) && (search == "" || strings.Contains(strings.ToLower(a.Name), search) || a.ID == search) {
			out = append(out, a)
		}
	}
	return out, nil
}

// WagesByArea returns every area's estimate for a role (of areaType when set), by the
// code its national estimate comes from; empty when it has none.
func (p *Planner) WagesByArea(ctx context.Context, role domain.Role, areaType string) ([]domain.Wage, error) {
	snap, err := p.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	pay, err := snap.pay(ctx, "")
	if err != nil {
		return nil, err
	}
	nat := pay(role)
	if nat == nil {
		return nil, nil
	}
	all, err := snap.wages.occupation(ctx, nat.SOC.Code)
	if err != nil {
		return nil, err
	}
	out := make([]domain.Wage, 0, len(all))
	for _, w := range all {
		if areaType == "" || w.Area.Type == areaType {
			w.Basis = nat.Basis
			out = append(out, w)
		}
	}
	return out, nil
}

// payFunc gives a role's estimate in the question's area, or nil.
type payFunc func(domain.Role) *domain.Wage

// pay reads the estimates of an area ("" for the nation) and the nation's, for looking up
// many roles without reading again.
func (s *snapshot) pay(ctx context.Context, area string) (payFunc, error) {
	nat, err := s.wages.area(ctx, oews.National)
	if err != nil {
		return nil, err
	}
	in := nat
	if area != "" && area != oews.National {
		if in, err = s.wages.area(ctx, area); err != nil {
			return nil, err
		}
		if in == nil || in.BySOC == nil {
			return nil, unknownArea(area)
		}
	}
	return func(r domain.Role) *domain.Wage {
		if w, ok := matchWage(r, in); ok {
			return w
		}
		w, ok := matchWage(r, nat)
		if ok && in != nat {
			w.NationalFallback = true
		}
		return w
	}, nil
}

// payPoint is the medians a salary part compares: yearly and hourly, NaN when unknown
// (not released, top-coded, or no estimate).
type payPoint struct{ yearly, hourly float64 }

func pointOf(w *domain.Wage) payPoint {
	p := payPoint{math.NaN(), math.NaN()}
	if w != nil && w.Median != nil {
		p.yearly = float64(*w.Median)
	}
	if w != nil && w.HourlyMedian != nil {
		p.hourly = *w.HourlyMedian
	}
	return p
}

// compare returns the medians to compare: yearly when both have one, else hourly.
func (p payPoint) compare(q payPoint) (from, to float64, ok bool) {
	switch {
	case !math.IsNaN(p.yearly) && !math.IsNaN(q.yearly):
		return p.yearly, q.yearly, true
	case !math.IsNaN(p.hourly) && !math.IsNaN(q.hourly):
		return p.hourly, q.hourly, true
	}
	return 0, 0, false
}

// areaMedians are every candidate's medians in one area (the nation's where the area has
// none), by the candidate's index, so that ranking reads them without a lookup.
type areaMedians struct{ points []payPoint }

func (m *areaMedians) of(i int) payPoint { return m.points[i] }

// medians returns the candidates' medians in an area, worked out once per snapshot.
func (s *snapshot) medians(ctx context.Context, area string, pay payFunc) (*areaMedians, error) {
	return s.wages.medians.get(area, func() (*areaMedians, error) {
		m := &areaMedians{points: make([]payPoint, len(s.cands))}
		for i := range s.cands {
			m.points[i] = pointOf(pay(s.cands[i].Role))
		}
		return m, nil
	})
}
