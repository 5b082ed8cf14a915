package graph

import (
	"github.com/careergraph/careergraph/graph/model"
	"github.com/careergraph/careergraph/store"
)

// one turns a by-ids lookup of a single id into its item or a NOT_FOUND error.
func one[T any](items []T, err error) func(kind, id string) (*T, error) {
	return func(kind, id string) (*T, error) {
		if err != nil {
			return nil, err
		}
		if len(items) == 0 {
			return nil, notFound(kind, id)
		}
		return &items[0], nil
	}
}

// order is any of the schema's sort inputs.
type order interface {
	*model.RoleOrder | *model.SkillOrder | *model.CertificationOrder
}

// listOptions checks the paging arguments and reads the sort order.
func listOptions[O order](first *int, after *string, orderBy O) (store.ListOptions, error) {
	skip, limit, err := page(first, after)
	if err != nil {
		return store.ListOptions{}, err
	}
	opts := store.ListOptions{Skip: skip, Limit: limit}
	switch o := any(orderBy).(type) {
	case *model.RoleOrder:
		opts.Sort = string(model.RoleSortFieldTitle)
		if o != nil {
			opts.Sort, opts.Desc = string(o.Field), o.Direction == model.SortDirectionDesc
		}
	case *model.SkillOrder:
		opts.Sort = string(model.SkillSortFieldName)
		if o != nil {
			opts.Sort, opts.Desc = string(o.Field), o.Direction == model.SortDirectionDesc
		}
	case *model.CertificationOrder:
		opts.Sort = string(model.CertificationSortFieldName)
		if o != nil {
			opts.Sort, opts.Desc = string(o.Field), o.Direction == model.SortDirectionDesc
		}
	}
	return opts, nil
}
