// Package config reads the service's settings from environment variables, with flags of
// the same names taking precedence, and checks them once at start-up. Every setting is
// one entry of the table in settings.go, which drives the flags, the environment, the
// checks, the start-up log line and the README's settings table.
package config

import (
	"flag"
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strings"
	"time"
)

// Config is every setting, parsed. A command fills only the groups it reads.
type Config struct {
	Addr             string
	MetricsAddr      string
	Neo4j            Neo4j
	Neo4jWait        time.Duration
	RequestTimeout   time.Duration
	LoaderWait       time.Duration
	SnapshotRefresh  time.Duration
	ShutdownTimeout  time.Duration
	LogFormat        string
	LogLevel         string
	Playground       bool
	PlaygroundAssets string
	Introspection    bool
	Dataset          string
	ONetDir          string
	OEWSDir          string
	AllowedOrigins   []string
	Limits           Limits
	RateLimit        float64
	RateBurst        float64
	APIKeysFile      string
	TrustedProxies   []netip.Prefix
	CuratorToken     string
	TrustedDocuments string

	groups []Group // the groups Load read, for Fields
}

// Neo4j says how to reach Neo4j.
type Neo4j struct {
	URI, User, Password, Database string
	TxTimeout                     time.Duration
}

// Limits bound one request; see httpapi.Limits for what each counts.
type Limits struct {
	Depth, Complexity, Tokens, Aliases, RootFields int
	BodyBytes                                      int64
	ResponseBytes, InFlight, HeavyInFlight         int
}

// Load adds the flags of the settings in groups to fs (which may hold flags of the
// command's own), parses args, fills the settings no flag gave from getenv, and checks
// them all. Flags show their built-in defaults and the environment is applied after
// parsing, so help and flag errors never print what the environment holds.
func Load(fs *flag.FlagSet, args []string, getenv func(string) string, groups ...Group) (Config, error) {
	c := Config{groups: groups}
	read := settingsOf(&c, groups)
	text := make(map[string]*string, len(read))
	for _, s := range read {
		// The usage is Markdown for the README; the flag package would read a `quoted`
		// word as the value's name, so help shows it without backquotes.
		text[s.name] = fs.String(s.name, s.def, strings.ReplaceAll(s.usage, "`", "")+" (env "+s.name+")")
	}
	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var errs []string
	var autos []setting
	for _, s := range read {
		v := *text[s.name]
		if e := getenv(s.name); e != "" && !given[s.name] {
			v = e
		}
		if err := s.set(v); err != nil {
			errs = append(errs, s.problem(v, err))
		}
		if s.auto != nil && strings.EqualFold(v, "auto") {
			autos = append(autos, s)
		}
	}
	for _, s := range autos { // after every other setting, which they may depend on
		*s.into.(*bool) = s.auto(&c)
	}
	if len(errs) > 0 {
		return Config{}, fmt.Errorf("config: %s", strings.Join(errs, "; "))
	}
	return c, nil
}

// settingsOf returns the table's settings in groups, bound to c.
func settingsOf(c *Config, groups []Group) []setting {
	var out []setting
	for _, s := range table(c) {
		if slices.Contains(groups, s.group) {
			out = append(out, s)
		}
	}
	return out
}

// Fields returns the settings read as key/value pairs for the start-up log, secrets
// masked and passwords in URIs hidden.
func (c Config) Fields() map[string]any {
	out := map[string]any{}
	for _, s := range settingsOf(&c, c.groups) {
		out[s.name] = s.show()
	}
	return out
}

// Loopback reports whether addr (host:port) listens on a loopback address only.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
