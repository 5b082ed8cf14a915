package config_test

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careergraph/careergraph/config"
)

var all = []config.Group{config.Server, config.Database, config.Wait, config.Dataset, config.ONet}

// load reads every setting from env, as the server would.
func load(args []string, env map[string]string) (config.Config, error) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return config.Load(fs, args, func(k string) string { return env[k] }, all...)
}

func TestDefaultsWorkLocally(t *testing.T) {
	c, err := load(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:8080" || c.Neo4j.URI != "bolt://127.0.0.1:7687" || c.Neo4j.Database != "neo4j" ||
		!c.Playground || c.RequestTimeout != 15*time.Second || c.SnapshotRefresh != 250*time.Millisecond {
		t.Errorf("defaults = %+v", c)
	}
}

func TestFlagsOverrideEnvironment(t *testing.T) {
	env := map[string]string{"ADDR": ":1", "NEO4J_PASSWORD": "secret"}
	c, err := load([]string{"-ADDR=:2"}, env)
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
		"SNAPSHOT_REFRESH": "0s", "MAX_DEPTH": "1.5", "RATE_LIMIT": "-1", "TRUSTED_PROXIES": "10.0.0.0/8,proxy",
		"CORS_ALLOWED_ORIGINS": "careers.example.com", "NEO4J_WAIT": "soon",
	}
	for key, val := range tests {
		_, err := load(nil, map[string]string{key: val})
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
		_, err := config.Load(fs, args, getenv, all...)
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
	c, err := load(nil, env)
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
	_, err := load(nil, map[string]string{"CURATOR_TOKEN": "letmein"})
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
		{map[string]string{"PLAYGROUND": "off", "INTROSPECTION": "false"}, false},
		{map[string]string{"ADDR": "0.0.0.0:8080", "PLAYGROUND": "AUTO", "INTROSPECTION": "auto"}, false},
	} {
		c, err := load(nil, tt.env)
		if err != nil {
			t.Fatal(err)
		}
		if c.Playground != tt.want || c.Introspection != tt.want {
			t.Errorf("%v: playground %v, introspection %v; want %v", tt.env, c.Playground, c.Introspection, tt.want)
		}
	}
}

// A command reads only its groups: the importer has no ADDR flag, and an unrelated bad
// setting in the environment does not stop it.
func TestCommandsReadOnlyTheirSettings(t *testing.T) {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	env := map[string]string{"MAX_DEPTH": "x", "DATASET": "d.yaml"}
	c, err := config.Load(fs, nil, func(k string) string { return env[k] }, config.Database, config.Dataset)
	if err != nil || c.Dataset != "d.yaml" {
		t.Fatalf("importer settings: %+v, %v", c, err)
	}
	if fs.Lookup("ADDR") != nil || fs.Lookup("NEO4J_URI") == nil {
		t.Error("the importer's flags are not its settings")
	}
	if _, ok := c.Fields()["MAX_DEPTH"]; ok {
		t.Error("the start-up fields list a setting the command does not read")
	}
}

// The README's settings table is the one the table makes; UPDATE_README=1 rewrites it.
func TestREADMEListsEverySetting(t *testing.T) {
	path := filepath.Join("..", "README.md")
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- settings: made by config.Markdown -->\n", "<!-- /settings -->"
	text := string(readme)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q section", strings.TrimSpace(begin), end)
	}
	want := text[:i+len(begin)] + config.Markdown() + text[j:]
	if want == text {
		return
	}
	if os.Getenv("UPDATE_README") == "1" {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("README.md's settings table differs from the settings in config; run `make readme`")
}

// Flag help shows each setting as a string flag with its usage, free of the README's
// Markdown.
func TestFlagHelpIsPlainText(t *testing.T) {
	var out strings.Builder
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(&out)
	if _, err := config.Load(fs, []string{"-h"}, func(string) string { return "" }, all...); err != flag.ErrHelp {
		t.Fatalf("-h: %v", err)
	}
	if strings.Contains(out.String(), "`") || !strings.Contains(out.String(), "-NEO4J_URI string") {
		t.Errorf("help:\n%s", out.String())
	}
}

// The start-up line shows each setting as it was understood: proxies as masked prefixes,
// durations as durations, booleans resolved.
func TestFieldsShowParsedValues(t *testing.T) {
	c, err := load(nil, map[string]string{"TRUSTED_PROXIES": "10.1.2.3/8, 192.168.1.1", "REQUEST_TIMEOUT": "1m30s"})
	if err != nil {
		t.Fatal(err)
	}
	f := c.Fields()
	if f["TRUSTED_PROXIES"] != "10.0.0.0/8,192.168.1.1/32" || f["REQUEST_TIMEOUT"] != "1m30s" || f["PLAYGROUND"] != true {
		t.Errorf("fields = %v", f)
	}
}
