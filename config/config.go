// Package config reads the service's settings from environment variables, with flags of
// the same names taking precedence, and checks them once at start-up.
package config

import (
	"flag"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/careergraph/careergraph/store"
)

// Config is every setting of the service. Defaults work on a developer's machine.
type Config struct {
	Addr             string         // ADDR: where the HTTP server listens
	MetricsAddr      string         // METRICS_ADDR: a listener of its own for /metrics (empty: on ADDR)
	Neo4j            store.Config   // NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, NEO4J_TX_TIMEOUT
	RequestTimeout   time.Duration  // REQUEST_TIMEOUT: deadline for one request
	SnapshotRefresh  time.Duration  // SNAPSHOT_REFRESH: how often the planner checks the graph for changes
	ShutdownTimeout  time.Duration  // SHUTDOWN_TIMEOUT: how long in-flight requests may drain
	LogFormat        string         // LOG_FORMAT: json or console
	LogLevel         string         // LOG_LEVEL: debug, info, warn, error
	Playground       bool           // PLAYGROUND: serve the GraphQL playground at /
	PlaygroundAssets string         // PLAYGROUND_ASSETS: folder holding the playground's npm packages
	Introspection    bool           // INTROSPECTION: allow schema introspection
	Dataset          string         // DATASET: the curated dataset file, for the importer
	AllowedOrigins   []string       // CORS_ALLOWED_ORIGINS: comma-separated origins allowed to call the API
	Limits           Limits         // MAX_*: bounds on one request
	RateLimit        float64        // RATE_LIMIT: tokens a second per client (0: off)
	APIKeysFile      string         // API_KEYS_FILE: the API keys that identify clients (see httpapi.LoadAPIKeys)
	TrustedProxies   []netip.Prefix // TRUSTED_PROXIES: proxies whose X-Forwarded-For is believed
	RateBurst        float64        // RATE_BURST: most tokens a client can save up
	CuratorToken     string         // CURATOR_TOKEN: bearer token for the curator API (empty: off)
	TrustedDocuments string         // TRUSTED_DOCUMENTS: JSON file of the only operations allowed (empty: any)
}

// Limits bound one request; see httpapi.Limits for what each counts.
type Limits struct {
	Depth, Complexity, Tokens, Aliases, RootFields int
	BodyBytes                                      int64
	ResponseBytes, InFlight, HeavyInFlight         int
}

// Load reads the configuration from getenv and then from args (flags named like the
// variables, e.g. -NEO4J_URI=bolt://...). name names the program in flag errors.
func Load(name string, args []string, getenv func(string) string) (Config, error) {
	return LoadFlags(flag.NewFlagSet(name, flag.ContinueOnError), args, getenv)
}

// LoadFlags is Load for a program with flags of its own: it adds the configuration's
// flags to fs and parses args with all of them.
func LoadFlags(fs *flag.FlagSet, args []string, getenv func(string) string) (Config, error) {
	// Flags show their built-in defaults; the environment is applied after parsing to the
	// settings no flag gave, so help and flag errors never print what the environment holds.
	fromEnv := map[string]*string{}
	env := func(key, def, usage string) *string {
		p := fs.String(key, def, usage+" (env "+key+")")
		fromEnv[key] = p
		return p
	}
	addr := env("ADDR", "127.0.0.1:8080", "address the HTTP server listens on")
	metricsAddr := env("METRICS_ADDR", "", "address of a listener of its own for /metrics; empty serves /metrics on ADDR")
	uri := env("NEO4J_URI", "bolt://127.0.0.1:7687", "Neo4j server (bolt://, neo4j://, +s or +ssc variants)")
	user := env("NEO4J_USER", "", "Neo4j user; empty for a server without authentication")
	password := env("NEO4J_PASSWORD", "", "Neo4j password")
	database := env("NEO4J_DATABASE", "neo4j", "Neo4j database name")
	txTimeout := env("NEO4J_TX_TIMEOUT", "10s", "server-side timeout of every read transaction")
	reqTimeout := env("REQUEST_TIMEOUT", "15s", "deadline of one HTTP request")
	refresh := env("SNAPSHOT_REFRESH", "2s", "how often the planner checks whether the graph changed (edits made elsewhere are seen within about this long)")
	shutdown := env("SHUTDOWN_TIMEOUT", "20s", "how long in-flight requests may drain on SIGTERM")
	logFormat := env("LOG_FORMAT", "json", "json or console")
	logLevel := env("LOG_LEVEL", "info", "debug, info, warn or error")
	playground := env("PLAYGROUND", "", "serve the GraphQL playground at / (default: on when ADDR is a loopback address)")
	assets := env("PLAYGROUND_ASSETS", "playground/node_modules", "folder with the playground npm packages")
	introspection := env("INTROSPECTION", "", "allow schema introspection (default: on when ADDR is a loopback address)")
	ds := env("DATASET", "dataset/it-infrastructure.yaml", "curated dataset file the importer loads")
	origins := env("CORS_ALLOWED_ORIGINS", "", "comma-separated origins whose pages may call the API, or *")
	limits := map[string]*string{
		"MAX_DEPTH":           env("MAX_DEPTH", "10", "deepest selection nesting a query may have"),
		"MAX_COMPLEXITY":      env("MAX_COMPLEXITY", "100000", "largest estimated query cost (lists multiplied by first, or 10)"),
		"MAX_TOKENS":          env("MAX_TOKENS", "10000", "most tokens the GraphQL parser accepts"),
		"MAX_ALIASES":         env("MAX_ALIASES", "30", "most aliased fields in one query"),
		"MAX_ROOT_FIELDS":     env("MAX_ROOT_FIELDS", "15", "most root fields in one operation"),
		"MAX_BODY_BYTES":      env("MAX_BODY_BYTES", "1048576", "largest request body in bytes"),
		"MAX_RESPONSE_BYTES":  env("MAX_RESPONSE_BYTES", "8388608", "largest response body in bytes; a larger answer is replaced by RESPONSE_TOO_LARGE"),
		"MAX_IN_FLIGHT":       env("MAX_IN_FLIGHT", "256", "GraphQL requests handled at once; more are answered 503 with Retry-After"),
		"MAX_HEAVY_IN_FLIGHT": env("MAX_HEAVY_IN_FLIGHT", "4", "of those, queries priced 10,000 or more; more are answered 503 with Retry-After"),
	}
	rate := env("RATE_LIMIT", "50", "requests a second each client (API key or IP) may make on average; 0 turns limiting off")
	burst := env("RATE_BURST", "200", "requests a client may make at once after a pause")
	apiKeys := env("API_KEYS_FILE", "", "file of the API keys that identify clients for rate limiting, one \"name sha256 [rate [burst]]\" a line; unknown keys count as their address")
	proxies := env("TRUSTED_PROXIES", "", "comma-separated addresses or CIDRs of proxies whose X-Forwarded-For is believed")
	curator := env("CURATOR_TOKEN", "", "bearer token (at least 32 characters) that allows the curator API's mutations; empty turns them off")
	trusted := env("TRUSTED_DOCUMENTS", "", "JSON file of the only GraphQL documents the service runs; empty runs any")
	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for key, p := range fromEnv {
		if v := getenv(key); v != "" && !given[key] {
			*p = v
		}
	}

	c := Config{Addr: *addr, MetricsAddr: *metricsAddr, APIKeysFile: *apiKeys, CuratorToken: *curator, TrustedDocuments: *trusted, LogFormat: *logFormat, LogLevel: *logLevel, PlaygroundAssets: *assets, Dataset: *ds,
		Neo4j: store.Config{URI: *uri, User: *user, Password: *password, Database: *database}}
	for _, o := range strings.Split(*origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			c.AllowedOrigins = append(c.AllowedOrigins, o)
		}
	}
	var errs []string
	for _, p := range strings.Split(*proxies, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		prefix, err := netip.ParsePrefix(p)
		if err != nil {
			addr, aerr := netip.ParseAddr(p)
			if aerr != nil {
				errs = append(errs, fmt.Sprintf("TRUSTED_PROXIES entry %q is not an address or CIDR such as 10.0.0.0/8", p))
				continue
			}
			prefix = netip.PrefixFrom(addr, addr.BitLen())
		}
		c.TrustedProxies = append(c.TrustedProxies, prefix.Masked())
	}
	for _, o := range c.AllowedOrigins {
		if u, err := url.Parse(o); o != "*" && (err != nil || u.Scheme == "" || u.Host == "" || u.Path != "") {
			errs = append(errs, fmt.Sprintf("CORS_ALLOWED_ORIGINS entry %q must be an origin such as https://careers.example.com", o))
		}
	}
	dur := func(key, v string, into *time.Duration) {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Sprintf("%s=%q is not a positive duration such as 10s", key, v))
		}
		*into = d
	}
	boolean := func(key, v string, into *bool) {
		switch strings.ToLower(v) {
		case "true", "1", "yes", "on":
			*into = true
		case "false", "0", "no", "off":
			*into = false
		default:
			errs = append(errs, fmt.Sprintf("%s=%q is not true or false", key, v))
		}
	}
	dur("NEO4J_TX_TIMEOUT", *txTimeout, &c.Neo4j.TxTimeout)
	dur("REQUEST_TIMEOUT", *reqTimeout, &c.RequestTimeout)
	dur("SNAPSHOT_REFRESH", *refresh, &c.SnapshotRefresh)
	dur("SHUTDOWN_TIMEOUT", *shutdown, &c.ShutdownTimeout)
	positive := func(key string) int {
		n, err := strconv.Atoi(*limits[key])
		if err != nil || n <= 0 {
			errs = append(errs, fmt.Sprintf("%s=%q is not a positive whole number", key, *limits[key]))
		}
		return n
	}
	c.Limits = Limits{Depth: positive("MAX_DEPTH"), Complexity: positive("MAX_COMPLEXITY"), Tokens: positive("MAX_TOKENS"),
		Aliases: positive("MAX_ALIASES"), RootFields: positive("MAX_ROOT_FIELDS"), BodyBytes: int64(positive("MAX_BODY_BYTES")),
		ResponseBytes: positive("MAX_RESPONSE_BYTES"), InFlight: positive("MAX_IN_FLIGHT"), HeavyInFlight: positive("MAX_HEAVY_IN_FLIGHT")}
	for key, v := range map[string]struct {
		text string
		into *float64
	}{"RATE_LIMIT": {*rate, &c.RateLimit}, "RATE_BURST": {*burst, &c.RateBurst}} {
		f, err := strconv.ParseFloat(v.text, 64)
		if err != nil || f < 0 {
			errs = append(errs, fmt.Sprintf("%s=%q is not a number of 0 or more", key, v.text))
		}
		*v.into = f
	}
	// The playground and introspection help local development; on an address others can
	// reach they are off unless asked for.
	local := Loopback(c.Addr)
	c.Playground, c.Introspection = local, local
	if *playground != "" {
		boolean("PLAYGROUND", *playground, &c.Playground)
	}
	if *introspection != "" {
		boolean("INTROSPECTION", *introspection, &c.Introspection)
	}
	if u, err := url.Parse(c.Neo4j.URI); err != nil || !validScheme(u.Scheme) {
		errs = append(errs, fmt.Sprintf("NEO4J_URI=%q must be a bolt://, neo4j:// (or +s, +ssc) URI", redactURI(c.Neo4j.URI)))
	}
	if t := c.CuratorToken; t != "" && len(t) < minTokenLength {
		errs = append(errs, fmt.Sprintf("CURATOR_TOKEN has %d characters; use at least %d (for example the output of `openssl rand -hex 32`)",
			len(t), minTokenLength))
	}
	if c.LogFormat != "json" && c.LogFormat != "console" {
		errs = append(errs, fmt.Sprintf("LOG_FORMAT=%q must be json or console", c.LogFormat))
	}
	if len(errs) > 0 {
		return Config{}, fmt.Errorf("config: %s", strings.Join(errs, "; "))
	}
	return c, nil
}

func mask(secret string) string {
	if secret == "" {
		return ""
	}
	return "****"
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

// minTokenLength is the shortest curator token accepted: long enough not to be guessed.
const minTokenLength = 32

// redactURI hides a password written into a URI (bolt://user:secret@host).
func redactURI(uri string) string {
	if u, err := url.Parse(uri); err == nil {
		return u.Redacted()
	}
	if at := strings.LastIndex(uri, "@"); at >= 0 {
		return "****" + uri[at:]
	}
	return uri
}

func validScheme(s string) bool {
	switch s {
	case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
		return true
	}
	return false
}

// Fields returns the settings as key/value pairs for the start-up log, the password masked.
func (c Config) Fields() map[string]any {
	pw := ""
	if c.Neo4j.Password != "" {
		pw = "****"
	}
	return map[string]any{
		"ADDR": c.Addr, "METRICS_ADDR": c.MetricsAddr, "NEO4J_URI": redactURI(c.Neo4j.URI), "NEO4J_USER": c.Neo4j.User, "NEO4J_PASSWORD": pw,
		"NEO4J_DATABASE": c.Neo4j.Database, "NEO4J_TX_TIMEOUT": c.Neo4j.TxTimeout.String(),
		"REQUEST_TIMEOUT": c.RequestTimeout.String(), "SNAPSHOT_REFRESH": c.SnapshotRefresh.String(), "SHUTDOWN_TIMEOUT": c.ShutdownTimeout.String(),
		"LOG_FORMAT": c.LogFormat, "LOG_LEVEL": c.LogLevel, "PLAYGROUND": c.Playground,
		"PLAYGROUND_ASSETS": c.PlaygroundAssets, "INTROSPECTION": c.Introspection, "DATASET": c.Dataset,
		"CORS_ALLOWED_ORIGINS": strings.Join(c.AllowedOrigins, ","), "MAX_DEPTH": c.Limits.Depth,
		"MAX_COMPLEXITY": c.Limits.Complexity, "MAX_TOKENS": c.Limits.Tokens, "MAX_ALIASES": c.Limits.Aliases,
		"MAX_ROOT_FIELDS": c.Limits.RootFields, "MAX_BODY_BYTES": c.Limits.BodyBytes,
		"MAX_RESPONSE_BYTES": c.Limits.ResponseBytes, "MAX_IN_FLIGHT": c.Limits.InFlight, "MAX_HEAVY_IN_FLIGHT": c.Limits.HeavyInFlight,
		"RATE_LIMIT": c.RateLimit, "RATE_BURST": c.RateBurst, "API_KEYS_FILE": c.APIKeysFile, "TRUSTED_PROXIES": fmt.Sprint(c.TrustedProxies), "CURATOR_TOKEN": mask(c.CuratorToken),
		"TRUSTED_DOCUMENTS": c.TrustedDocuments,
	}
}
