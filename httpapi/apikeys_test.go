package httpapi_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/httpapi"
)

func TestLoadAPIKeys(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "keys")
	sum := strings.Repeat("ab", 32)
	os.WriteFile(good, []byte("# partners\npartner "+sum+" 100 200\n\nwidget "+strings.Repeat("cd", 32)+"\n"), 0o600)
	keys, err := httpapi.LoadAPIKeys(good)
	if err != nil {
		t.Fatal(err)
	}
	if k := keys[sum]; k.Name != "partner" || k.Rate != 100 || k.Burst != 200 || len(keys) != 2 {
		t.Errorf("keys = %+v", keys)
	}
	for name, text := range map[string]string{
		"not a hash":   "partner secret-key\n",
		"bad rate":     "partner " + sum + " fast\n",
		"listed twice": "a " + sum + "\nb " + sum + "\n",
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
		os.WriteFile(path, []byte(text), 0o600)
		if _, err := httpapi.LoadAPIKeys(path); err == nil || !strings.Contains(err.Error(), ":1") && !strings.Contains(err.Error(), ":2") {
			t.Errorf("%s: %v, want an error naming the line", name, err)
		}
	}
}
