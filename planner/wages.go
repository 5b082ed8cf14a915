package planner

import (
	"cmp"
	"context"
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

// maxCachedAreas bounds the areas whose estimates one snapshot keeps (about 250 KB each).
const maxCachedAreas = 64

// wageBook keeps the wage estimates read under one snapshot: the area list and the
// estimates of the areas asked for, each read once. A new snapshot starts a new book,
// so an import is seen with the snapshot that sees its version.
type wageBook struct {
	st       WageStore
	log      func([]domain.Problem) // logs problems found in wage records
	mu       sync.Mutex
	areas    map[string]*areaEntry
	order    []string // the cached areas, oldest first
	list     *areaEntry
	problems map[string]domain.Problem
}

type areaEntry struct {
	once  sync.Once
	wages *store.AreaWages
	areas []domain.Area
	err   error
}

func newWageBook(st Store, log func([]domain.Problem)) *wageBook {
	ws, _ := st.(WageStore)
	return &wageBook{st: ws, log: log, areas: map[string]*areaEntry{}, list: &areaEntry{}, problems: map[string]domain.Problem{}}
}

// area returns the estimates of one area; nil when the area is not imported.
func (b *wageBook) area(ctx context.Context, id string) (*store.AreaWages, error) {
	if b.st == nil {
		return nil, nil
	}
	b.mu.Lock()
	e, ok := b.areas[id]
	if !ok {
		e = &areaEntry{}
		b.areas[id], b.order = e, append(b.order, id)
		if len(b.order) > maxCachedAreas {
			delete(b.areas, b.order[0])
			b.order = b.order[1:]
		}
	}
	b.mu.Unlock()
	e.once.Do(func() {
		e.wages, e.err = b.st.ReadAreaWages(ctx, id)
		if e.wages != nil {
			b.note(e.wages.Problems)
		}
	})
	if e.err != nil {
		b.forget(id, e)
	}
	return e.wages, e.err
}

// forget drops an entry whose read failed, so that the next request reads again.
func (b *wageBook) forget(id string, e *areaEntry) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.areas[id] == e {
		delete(b.areas, id)
		b.order = slices.DeleteFunc(b.order, func(s string) bool { return s == id })
	}
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
	e := b.list
	e.once.Do(func() {
		var problems []domain.Problem
		e.areas, problems, e.err = b.st.ReadAreas(ctx)
		b.note(problems)
		slices.SortFunc(e.areas, func(x, y domain.Area) int {
			return cmp.Or(cmp.Compare(slices.Index(oews.AreaTypes, x.Type), slices.Index(oews.AreaTypes, y.Type)),
				cmp.Compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID))
		})
	})
	if e.err != nil {
		b.mu.Lock()
		if b.list == e {
			b.list = &areaEntry{}
		}
		b.mu.Unlock()
	}
	return e.areas, e.err
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

// wage returns a role's estimate in an area ("" for the nation), the nation's marked
// NationalFallback when the area has none; nil when neither has one or no wages are
// imported. An area not imported is an InputError.
func (b *wageBook) wage(ctx context.Context, role domain.Role, area string) (*domain.Wage, error) {
	if area == "" {
		area = oews.National
	}
	aw, err := b.area(ctx, area)
	if err != nil {
		return nil, err
	}
	if aw == nil || aw.BySOC == nil {
		if area == oews.National {
			return nil, nil
		}
		return nil, unknownArea(area)
	}
	if w, ok := matchWage(role, aw); ok || area == oews.National {
		return w, nil
	}
	nat, err := b.area(ctx, oews.National)
	if err != nil {
		return nil, err
	}
	w, ok := matchWage(role, nat)
	if ok {
		w.NationalFallback = true
	}
	return w, nil
}

func unknownArea(area string) error {
	return inputErr("area %q is not a BLS area code the graph has wages for; look one up with areas(search: ...), or import the wages with make oews", area)
}

// Wage returns a role's employment and wages in an area ("" for the nation); see wageBook.wage.
func (p *Planner) Wage(ctx context.Context, role domain.Role, area string) (*domain.Wage, error) {
	snap, err := p.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	return snap.wages.wage(ctx, role, area)
}

// CheckArea fails with an InputError when area is set and names no imported area.
func (p *Planner) CheckArea(ctx context.Context, area string) error {
	if area == "" {
		return nil
	}
	snap, err := p.snapshot(ctx)
	if err != nil {
		return err
	}
	aw, err := snap.wages.area(ctx, area)
	if err == nil && (aw == nil || aw.BySOC == nil) {
		err = unknownArea(area)
	}
	return err
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
	nat, err := snap.wages.wage(ctx, role, "")
	if err != nil || nat == nil {
		return nil, err
	}
	all, problems, err := snap.wages.st.ReadOccupationWages(ctx, nat.SOC.Code)
	if err != nil {
		return nil, err
	}
	snap.wages.note(problems)
	out := all[:0]
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
