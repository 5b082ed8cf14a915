package graph

import (
	"context"

	"github.com/careergraph/careergraph/graph/model"
	"github.com/careergraph/careergraph/store"
)

// byID looks up the single id with a by-ids lookup: its item, or a NOT_FOUND error
// naming kind.
func byID[T any](ctx context.Context, lookup func(context.Context, []string) ([]T, error), kind, id string) (*T, error) {
	items, err := lookup(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, notFound(kind, id)
	}
	return &items[0], nil
}

// sortOrder is any of the schema's sort inputs.
type sortOrder interface {
	Sort() (field string, desc bool)
}

// unsorted is the order of a list that comes sorted.
type unsorted struct{}

func (unsorted) Sort() (string, bool) { return "", false }

// nonEmpty is s, or nil when s is empty.
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// listPage checks the paging arguments, fetches the page they ask for with the text
// filter, and makes it a connection.
func listPage[T any](first *int, after *string, order sortOrder, text *string, fetch func(store.ListOptions) (store.Page[T], error)) (*model.Connection[T], error) {
	skip, limit, err := page(first, after)
	if err != nil {
		return nil, err
	}
	opts := store.ListOptions{Skip: skip, Limit: limit, Text: deref(text)}
	opts.Sort, opts.Desc = order.Sort()
	p, err := fetch(opts)
	if err != nil {
		return nil, err
	}
	return &model.Connection[T]{Edges: edges(p.Items, skip), Nodes: p.Items, PageInfo: pageInfo(len(p.Items), skip, p.Total),
		TotalCount: p.Total}, nil
}
