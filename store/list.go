package store

import (
	"context"
	"strings"

	"github.com/careergraph/careergraph/domain"
)

// ListOptions selects one page of a sorted, filtered list. Empty filter fields match
// everything. Sort names one of the sort keys the list's statement knows; ties and an
// unknown key fall back to ordering by id, so pages are always stable.
type ListOptions struct {
	Skip, Limit int
	Sort        string
	Desc        bool
	Text        string
}

// RoleFilter narrows a role list.
type RoleFilter struct{ Track, Level string }

// SkillFilter narrows a skill list.
type SkillFilter struct{ Category string }

// CertificationFilter narrows a certification list.
type CertificationFilter struct{ Vendor, Level string }

// Page is one page of a list and the number of items matching the filters in all.
type Page[T any] struct {
	Items []T
	Total int
}

// ListRoles returns a page of roles.
func (s *Store) ListRoles(ctx context.Context, f RoleFilter, o ListOptions) (Page[domain.Role], error) {
	return list(ctx, s, listRolesCypher, o, map[string]any{"track": orNil(f.Track), "level": orNil(f.Level)}, decodeRole)
}

// ListSkills returns a page of skills.
func (s *Store) ListSkills(ctx context.Context, f SkillFilter, o ListOptions) (Page[domain.Skill], error) {
	return list(ctx, s, listSkillsCypher, o, map[string]any{"category": orNil(f.Category)}, decodeSkill)
}

// ListCertifications returns a page of certifications.
func (s *Store) ListCertifications(ctx context.Context, f CertificationFilter, o ListOptions) (Page[domain.Certification], error) {
	params := map[string]any{"vendor": orNil(strings.ToLower(f.Vendor)), "level": orNil(f.Level)}
	return list(ctx, s, listCertificationsCypher, o, params, decodeCertification)
}

func list[T any](ctx context.Context, s *Store, cypher string, o ListOptions, params map[string]any, decode func(map[string]any) T) (Page[T], error) {
	params["skip"], params["limit"] = o.Skip, o.Limit
	params["sort"], params["desc"] = o.Sort, o.Desc
	params["text"] = orNil(strings.ToLower(strings.TrimSpace(o.Text)))
	recs, err := s.readAll(ctx, cypher, params)
	if err != nil || len(recs) == 0 {
		return Page[T]{}, err
	}
	total, err := value[int64](recs[0], "total")
	if err != nil {
		return Page[T]{}, err
	}
	nodes, err := value[[]any](recs[0], "nodes")
	if err != nil {
		return Page[T]{}, err
	}
	page := Page[T]{Total: int(total), Items: make([]T, 0, len(nodes))}
	for _, n := range nodes {
		m, _ := n.(map[string]any)
		v := decode(m)
		if checked, ok := any(v).(interface{ Bad() bool }); ok && checked.Bad() {
			continue // left out, as the planner leaves it out; a lookup by id shows which field is bad
		}
		page.Items = append(page.Items, v)
	}
	return page, nil
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}
