package graph

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/careergraph/careergraph/graph/model"
)

// Limits on list sizes; larger requests are a BAD_USER_INPUT error.
const (
	maxPageSize   = 100
	maxSearchSize = 50
)

const cursorPrefix = "offset:"

// maxOffset is the furthest position a cursor may point at: far beyond any list in the
// graph, and far from where skip + limit could overflow.
const maxOffset = 10_000_000

// cursor encodes a position in a list. Cursors are opaque to clients.
func cursor(offset int) string {
	return base64.StdEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(offset)))
}

// page turns Relay's first/after into skip and limit.
func page(first *int, after *string) (skip, limit int, err error) {
	limit = 20
	if first != nil {
		limit = *first
	}
	if limit < 0 || limit > maxPageSize {
		return 0, 0, badInput("first must be between 0 and %d, got %d", maxPageSize, limit)
	}
	if after == nil || *after == "" {
		return 0, limit, nil
	}
	raw, err := base64.StdEncoding.DecodeString(*after)
	n, convErr := strconv.Atoi(strings.TrimPrefix(string(raw), cursorPrefix))
	if err != nil || convErr != nil || !strings.HasPrefix(string(raw), cursorPrefix) || n < 0 || n > maxOffset {
		return 0, 0, badInput("after %q is not a cursor this API issued; pass an endCursor or cursor from an earlier page", *after)
	}
	return n + 1, limit, nil
}

// edges are items found at skip with their cursors.
func edges[T any](items []T, skip int) []model.Edge[T] {
	out := make([]model.Edge[T], len(items))
	for i := range items {
		out[i] = model.Edge[T]{Cursor: cursor(skip + i), Node: &items[i]}
	}
	return out
}

// pageInfo describes a page of n items found at skip, of total in all.
func pageInfo(n, skip, total int) *model.PageInfo {
	info := &model.PageInfo{HasNextPage: skip+n < total, HasPreviousPage: skip > 0}
	if n > 0 {
		start, end := cursor(skip), cursor(skip+n-1)
		info.StartCursor, info.EndCursor = &start, &end
	}
	return info
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
