package metrics

import (
	"fmt"
	"strings"
	"testing"
)

// Clients name their operations, so names get labels of their own only up to a bound;
// registered names always do.
func TestOperationLabelsAreBounded(t *testing.T) {
	m := New()
	m.RegisterOperations("RoleDetail")
	for i := range maxOperationNames {
		if got := m.label(fmt.Sprintf("Op%d", i)); got != fmt.Sprintf("Op%d", i) {
			t.Fatalf("name %d labelled %q", i, got)
		}
	}
	for _, tt := range []struct{ name, want string }{
		{"Op7", "Op7"}, {"Flood1", "other"}, {"RoleDetail", "RoleDetail"}, {"", "anonymous"},
		{strings.Repeat("x", 65), "other"},
	} {
		if got := m.label(tt.name); got != tt.want {
			t.Errorf("label(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
