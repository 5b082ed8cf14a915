package httpapi

import (
	"context"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Limits bound what one GraphQL request may ask for. Zero values take the defaults.
type Limits struct {
	MaxDepth      int // nesting of selections, introspection excluded (default 10)
	MaxComplexity int // estimated cost, lists multiplied (default 100000)
	MaxTokens     int // tokens the parser accepts (default 10000)
	MaxAliases    int // aliased fields in one document (default 30)
	MaxRootFields int // fields at the top of one operation (default 15)
	ListCost      int // assumed length of a list without a first argument (default 10)
}

func (l *Limits) defaults() {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxDepth, 10)
	def(&l.MaxComplexity, 100000)
	def(&l.MaxTokens, 10000)
	def(&l.MaxAliases, 30)
	def(&l.MaxRootFields, 15)
	def(&l.ListCost, 10)
}

// costModel prices a field for the complexity limit, before anything runs: a field with a
// first argument costs first times its children; another list field costs its real
// largest length in the graph (bound, from the planner's degree statistics) times its
// children, or ListCost times when the graph says nothing of it; the edges and nodes of a
// connection are counted once, since its first already multiplied them. The planner's
// questions add a fixed price for the search they run.
type costModel struct {
	graphql.ExecutableSchema
	listCost int
	bound    func(ctx context.Context, typeName, field string) (int, bool)
}

// searchCost is what a planner question costs on top of its answer's fields.
var searchCost = map[string]int{"careerPaths": 200, "reachableRoles": 200, "recommendations": 100, "skillGap": 20,
	"extractSkills": 50}

// titleCost is what matching one title costs: classifyTitles is priced per title given.
const titleCost = 10

// readCost is what a field that reads beyond the snapshot costs on top of its answer:
// every area's estimate for one occupation, or one area's estimates (read once per
// snapshot, then cached).
var readCost = map[string]int{"Role.wagesByArea": 50, "Role.wages": 5, "Query.areas": 5}

func (c costModel) Complexity(ctx context.Context, typeName, field string, child int, args map[string]any) (int, bool) {
	def := c.Schema().Types[typeName]
	if def == nil {
		return 0, false
	}
	f := def.Fields.ForName(field)
	if f == nil {
		return 0, false
	}
	base := readCost[typeName+"."+field]
	if typeName == "Query" {
		base += searchCost[field]
	}
	n := 1
	first, hasFirst := intArg(args["first"])
	switch {
	case typeName == "Query" && field == "classifyTitles":
		// child priced each title's matches at their bound; first says how many come back
		if b, ok := c.boundOf(ctx, "TitleMatches", "matches"); ok && hasFirst && first < b {
			child = child * max(first, 1) / b
		}
		return max(listLen(args["titles"]), 1) * (titleCost + 1 + child), true
	case hasFirst:
		n = max(first, 1)
	case f.Type.Elem != nil && !strings.HasSuffix(typeName, "Connection"):
		n = c.listCost
		if b, ok := c.boundOf(ctx, typeName, field); ok {
			n = b
		}
	case base == 0:
		return 0, false
	}
	return base + n*(1+child), true
}

// boundOf is the bound the graph puts on a list field, when the model knows one.
func (c costModel) boundOf(ctx context.Context, typeName, field string) (int, bool) {
	if c.bound == nil {
		return 0, false
	}
	return c.bound(ctx, typeName, field)
}

// listLen is the length of a list argument, as coerced or as a variable gave it.
func listLen(v any) int {
	switch l := v.(type) {
	case []string:
		return len(l)
	case []any:
		return len(l)
	}
	return 0
}

// intArg reads an integer argument, also when a variable gave it as a string ("100"),
// which Int coercion accepts.
func intArg(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		return int(n), true
	case string:
		i, err := strconv.Atoi(n)
		return i, err == nil
	}
	return 0, false
}

// shapeLimits rejects documents that are too deep, use too many aliases or ask for too
// many root fields, before anything runs.
type shapeLimits struct{ Limits }

func (shapeLimits) ExtensionName() string                   { return "ShapeLimits" }
func (shapeLimits) Validate(graphql.ExecutableSchema) error { return nil }

func (l shapeLimits) MutateOperationContext(_ context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	op := rc.Operation
	if op == nil {
		return nil
	}
	if n := len(flatten(op.SelectionSet, rc.Doc.Fragments, 0)); n > l.MaxRootFields {
		return limitError("QUERY_TOO_WIDE", "the operation asks for %d root fields; at most %d are allowed", n, l.MaxRootFields)
	}
	var aliases int
	depth := measure(op.SelectionSet, rc.Doc.Fragments, 1, &aliases)
	if depth > l.MaxDepth {
		return limitError("QUERY_TOO_DEEP", "the query nests %d levels deep; at most %d are allowed", depth, l.MaxDepth)
	}
	if aliases > l.MaxAliases {
		return limitError("TOO_MANY_ALIASES", "the query uses %d aliases; at most %d are allowed", aliases, l.MaxAliases)
	}
	return nil
}

// measure returns the depth of a selection set and counts aliases. Introspection fields
// do not count toward depth, so tools can read the schema.
func measure(set ast.SelectionSet, frags ast.FragmentDefinitionList, level int, aliases *int) int {
	if level > 64 { // validation already refuses fragment cycles; this bounds the walk anyway
		return level
	}
	deepest := level - 1
	for _, f := range flatten(set, frags, 0) {
		if f.Alias != "" && f.Alias != f.Name {
			*aliases++
		}
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		d := level
		if len(f.SelectionSet) > 0 {
			d = measure(f.SelectionSet, frags, level+1, aliases)
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// flatten lists the fields of a selection set, looking through fragments.
func flatten(set ast.SelectionSet, frags ast.FragmentDefinitionList, guard int) []*ast.Field {
	var out []*ast.Field
	if guard > 32 {
		return out
	}
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			out = append(out, s)
		case *ast.InlineFragment:
			out = append(out, flatten(s.SelectionSet, frags, guard+1)...)
		case *ast.FragmentSpread:
			if def := frags.ForName(s.Name); def != nil {
				out = append(out, flatten(def.SelectionSet, frags, guard+1)...)
			}
		}
	}
	return out
}

func limitError(code, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	err.Extensions = map[string]any{"code": code}
	return err
}
