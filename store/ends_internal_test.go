package store

import "testing"

// An end is found by its whole element id, however the ids added share their beginning,
// and only by it.
func TestEndIndex(t *testing.T) {
	var g PlannerGraph
	node := func(key, id string) any { return []any{key, id, []any{"Skill"}} }
	g.readEnds([]any{node("4:db:12", "a"), node("4:db:1", "b"), node("4:db:123", "c"), []any{"4:db:9"}})
	g.readEnds([]any{node("5:other:7", "d"), node("", "e")}) // as reportStrays adds them
	for key, want := range map[string]string{"4:db:12": "a", "4:db:1": "b", "4:db:123": "c", "5:other:7": "d", "": "e"} {
		if n, ok := g.ends.get(key); !ok || n.id != want {
			t.Errorf("get(%q) = %q, %v; want %q", key, n.id, ok, want)
		}
	}
	for _, key := range []string{"4:db:9", "4:db:2", "4:db:1234", "4:db", "db:12", "5:other:", "x"} {
		if n, ok := g.ends.get(key); ok {
			t.Errorf("get(%q) = %q; want none", key, n.id)
		}
	}
	if _, ok := (*endIndex)(nil).get("4:db:12"); ok {
		t.Error("a nil index found an end")
	}
}
