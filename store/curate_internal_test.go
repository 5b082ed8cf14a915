package store

import "testing"

// Every kind the curator API deletes or removes has its statement.
func TestCuratorStatementsForEveryKind(t *testing.T) {
	for _, kind := range []string{"Role", "Skill", "Certification"} {
		if deleteNodeCypher[kind] == "" {
			t.Errorf("no statement deletes a %s", kind)
		}
	}
	for _, kind := range []string{"requirement", "endorsement", "progression"} {
		if removeEdgeCypher[kind] == "" {
			t.Errorf("no statement removes a %s", kind)
		}
	}
}
