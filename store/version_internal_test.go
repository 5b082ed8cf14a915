package store

import (
	"slices"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// What the last write changed is read only as the service writes it; anything else (a
// meta node edited by hand) reads as a change that cannot be told apart.
func TestStateOfReadsOnlyWhatTheServiceWrites(t *testing.T) {
	rec := func(roles, catalog any) *neo4j.Record {
		return &neo4j.Record{Keys: []string{"version", "previous", "roles", "catalog"},
			Values: []any{"v2", "v1", roles, catalog}}
	}
	st, err := stateOf(rec([]any{"help-desk-technician"}, false))
	if err != nil || st.Version != "v2" || st.Previous != "v1" || st.Last == nil ||
		!slices.Equal(st.Last.Roles, []string{"help-desk-technician"}) || st.Last.Catalog {
		t.Fatalf("a change the service wrote: %+v, %v", st, err)
	}
	many := make([]any, maxChangedRoles+1)
	for i := range many {
		many[i] = "r"
	}
	for name, r := range map[string]*neo4j.Record{
		"no change recorded": rec(nil, false), "roles not a list": rec("help-desk-technician", false),
		"a role id not text": rec([]any{int64(3)}, false), "an empty id": rec([]any{""}, false),
		"catalog not a boolean": rec([]any{"a"}, "yes"), "too many roles": rec(many, false),
	} {
		st, err := stateOf(r)
		if err != nil || st.Last != nil || st.Version != "v2" {
			t.Errorf("%s: %+v, %v; want the version and no change", name, st, err)
		}
	}
}
