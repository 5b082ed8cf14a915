package config_test

import (
	"flag"
	"fmt"
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

// Secrets given in the environment appear in no output: not in flag help, not in the
// error a bad flag prints, not in setting errors, not in the start-up fields.
func TestSecretsAreNeverPrinted(t *testing.T) {
	env := map[string]string{"NEO4J_PASSWORD": "hunter2-password", "CURATOR_TOKEN": "token-0123456789abcdef0123456789abcdef",
		"NEO4J_URI": "bolt://neo:uri-secret@db.example.com:7687"}
	getenv := func(k string) string { return env[k] }
	for _, args := range [][]string{{"-h"}, {"-NO_SUCH_FLAG=1"}, {"-MAX_DEPTH=x"}} {
		var out strings.Builder
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(&out)
		_, err := config.LoadFlags(fs, args, getenv)
		text := out.String()
		if err != nil {
			text += err.Error()
		}
		for _, secret := range []string{"hunter2-password", "token-0123456789abcdef", "uri-secret"} {
			if strings.Contains(text, secret) {
				t.Errorf("%v printed %q:\n%s", args, secret, text)
			}
		}
	}
	c, err := config.Load("t", nil, getenv)
	if err != nil {
		t.Fatal(err)
	}
	if c.Neo4j.Password != "hunter2-password" || c.CuratorToken != env["CURATOR_TOKEN"] {
		t.Errorf("secrets from the environment were not read: %+v", c.Neo4j)
	}
	for k, v := range c.Fields() {
		if s := fmt.Sprint(v); strings.Contains(s, "hunter2") || strings.Contains(s, "token-0123") || strings.Contains(s, "uri-secret") {
			t.Errorf("start-up field %s = %s", k, s)
		}
	}
}

func TestShortCuratorTokensAreRefused(t *testing.T) {
	_, err := config.Load("t", nil, func(k string) string {
		return map[string]string{"CURATOR_TOKEN": "letmein"}[k]
	})
	if err == nil || !strings.Contains(err.Error(), "at least 32") || strings.Contains(err.Error(), "letmein") {
		t.Errorf("a 7-character curator token: %v", err)
	}
}

// The playground and introspection are on for a loopback address and off for one others
// can reach, unless set.
func TestPlaygroundDefaultsFollowTheAddress(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{}, true},
		{map[string]string{"ADDR": "[::1]:8080"}, true},
		{map[string]string{"ADDR": "0.0.0.0:8080"}, false},
		{map[string]string{"ADDR": ":8080"}, false},
		{map[string]string{"ADDR": "0.0.0.0:8080", "PLAYGROUND": "true", "INTROSPECTION": "true"}, true},
	} {
		c, err := config.Load("t", nil, func(k string) string { return tt.env[k] })
		if err != nil {
			t.Fatal(err)
		}
		if c.Playground != tt.want || c.Introspection != tt.want {
			t.Errorf("%v: playground %v, introspection %v; want %v", tt.env, c.Playground, c.Introspection, tt.want)
		}
	}
}
