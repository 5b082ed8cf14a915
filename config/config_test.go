package config_test

import (
	"strings"
	"testing"
	"time"

	"github.com/careergraph/careergraph/config"
)

func TestDefaultsWorkLocally(t *testing.T) {
	c, err := config.Load("t", nil, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:8080" || c.Neo4j.URI != "bolt://127.0.0.1:7687" || c.Neo4j.Database != "neo4j" ||
		!c.Playground || c.RequestTimeout != 15*time.Second || c.SnapshotRefresh != 2*time.Second {
		t.Errorf("defaults = %+v", c)
	}
}

func TestFlagsOverrideEnvironment(t *testing.T) {
	env := map[string]string{"ADDR": ":1", "NEO4J_PASSWORD": "secret"}
	c, err := config.Load("t", []string{"-ADDR=:2"}, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":2" {
		t.Errorf("ADDR = %s, want the flag's :2", c.Addr)
	}
	if c.Fields()["NEO4J_PASSWORD"] != "****" {
		t.Error("the password is not masked in the start-up fields")
	}
}

func TestInvalidSettingsAreNamed(t *testing.T) {
	tests := map[string]string{
		"NEO4J_URI": "localhost:7687", "NEO4J_TX_TIMEOUT": "-1s", "PLAYGROUND": "maybe", "LOG_FORMAT": "xml",
		"SNAPSHOT_REFRESH": "0s",
	}
	for key, val := range tests {
		_, err := config.Load("t", nil, func(k string) string {
			if k == key {
				return val
			}
			return ""
		})
		if err == nil || !strings.Contains(err.Error(), key) {
			t.Errorf("%s=%s: got %v", key, val, err)
		}
	}
}
