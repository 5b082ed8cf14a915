package config

// Group is a set of settings; each command reads the groups it uses.
type Group int

// The groups.
const (
	Server   Group = iota // the GraphQL server
	Database              // how to reach Neo4j: every command
	Wait                  // how long a command waits for Neo4j
	Dataset               // the curated dataset: the importer
	ONet                  // the O*NET copy: the importer, the evaluation and the benchmark
	OEWS                  // the BLS wage estimates: the importer
)

// readers says who reads each group, for the README.
var readers = map[Group]string{Server: "server", Database: "all", Wait: "tools", Dataset: "import", ONet: "import, eval, bench", OEWS: "import, bench"}

// table is every setting, bound to c's fields. The README's settings table is made from
// it (see TestREADMEListsEverySetting).
func table(c *Config) []setting {
	return append(append(databaseSettings(c), serverSettings(c)...), limitSettings(c)...)
}

func databaseSettings(c *Config) []setting {
	return []setting{
		{name: "NEO4J_URI", def: "bolt://127.0.0.1:7687", group: Database, into: &c.Neo4j.URI, check: neo4jURI, redact: true,
			usage: "the Neo4j to use (`bolt://`, `neo4j://`, or their `+s`, `+ssc` forms); when set, `make` starts no local Neo4j"},
		{name: "NEO4J_USER", group: Database, into: &c.Neo4j.User,
			usage: "Neo4j user; empty for the local Neo4j, which has auth off and listens on loopback only"},
		{name: "NEO4J_PASSWORD", group: Database, into: &c.Neo4j.Password, secret: true, usage: "Neo4j password"},
		{name: "NEO4J_DATABASE", def: "neo4j", group: Database, into: &c.Neo4j.Database, usage: "database name"},
		{name: "NEO4J_TX_TIMEOUT", def: "10s", group: Database, into: &c.Neo4j.TxTimeout,
			usage: "server-side timeout of every read transaction"},
		{name: "NEO4J_WAIT", def: "0s", group: Wait, into: &c.Neo4jWait, zero: true,
			usage: "how long the importer, `careergraph-eval` and `careergraph-bench` wait for Neo4j to answer before giving up"},
		{name: "DATASET", def: "dataset/it-infrastructure.yaml", group: Dataset, into: &c.Dataset,
			usage: "the curated dataset file the importer loads"},
		{name: "ONET_DIR", def: "../shared/data/onet-29.3", group: ONet, into: &c.ONetDir,
			usage: "the folder of O*NET's tab-separated files (the text edition, or the Excel export saved as text) that `careergraph-import -onet` imports and `careergraph-eval` and `careergraph-bench` read"},
		{name: "OEWS_DIR", def: "../shared/data/oews-2025", group: OEWS, into: &c.OEWSDir,
			usage: "the folder of BLS's OEWS \"all data\" file (`all_data_M_2025.xlsx` as downloaded, or saved as tab-separated `.txt`), or that file, that `careergraph-import -oews` imports and `careergraph-bench` reads"},
	}
}

func serverSettings(c *Config) []setting {
	return []setting{
		{name: "ADDR", def: "127.0.0.1:8080", group: Server, into: &c.Addr, usage: "where the server listens"},
		{name: "METRICS_ADDR", group: Server, into: &c.MetricsAddr,
			usage: "a listener of its own for `/metrics` (for example `127.0.0.1:9090`); empty serves `/metrics` on `ADDR`"},
		{name: "REQUEST_TIMEOUT", def: "15s", group: Server, into: &c.RequestTimeout, usage: "deadline of one request"},
		{name: "LOADER_WAIT", def: "2ms", group: Server, into: &c.LoaderWait,
			usage: "how long a nested field's loader gathers the keys of its siblings before it sends one statement for them all; longer batches more under load, shorter answers a single request sooner"},
		{name: "SNAPSHOT_REFRESH", def: "250ms", group: Server, into: &c.SnapshotRefresh,
			usage: "how often the planner checks whether the graph changed; a curator edit through another replica is patched in within about this long, an edit made straight in Neo4j within this long plus one reload"},
		{name: "SHUTDOWN_TIMEOUT", def: "20s", group: Server, into: &c.ShutdownTimeout,
			usage: "how long in-flight requests may finish after SIGTERM"},
		{name: "LOG_FORMAT", def: "json", group: Server, into: &c.LogFormat, check: oneOf("json", "console"),
			usage: "`json` or `console` (`make run` uses `console`)"},
		{name: "LOG_LEVEL", def: "info", group: Server, into: &c.LogLevel, check: oneOf("debug", "info", "warn", "error"),
			usage: "`debug`, `info`, `warn` or `error`"},
		{name: "PLAYGROUND", def: "auto", group: Server, into: &c.Playground, auto: loopback,
			usage: "serve the playground at `/`; `auto` is on for a loopback `ADDR` and off otherwise; turned on beyond loopback, the service warns at start"},
		{name: "PLAYGROUND_ASSETS", def: "playground/node_modules", group: Server, into: &c.PlaygroundAssets,
			usage: "where `npm ci` put GraphiQL and React"},
		{name: "INTROSPECTION", def: "auto", group: Server, into: &c.Introspection, auto: loopback,
			usage: "allow schema introspection; `auto` is on for a loopback `ADDR` and off otherwise; turned on beyond loopback, the service warns at start"},
		{name: "CORS_ALLOWED_ORIGINS", group: Server, into: &c.AllowedOrigins, check: origins,
			usage: "comma-separated origins whose pages may call the API (for the widget), or `*`"},
		{name: "CURATOR_TOKEN", group: Server, into: &c.CuratorToken, check: curatorToken, secret: true,
			usage: "bearer token for the curator API's mutations, at least 32 characters (`openssl rand -hex 32`); empty turns them off"},
		{name: "TRUSTED_DOCUMENTS", group: Server, into: &c.TrustedDocuments,
			usage: "a JSON file (`{\"Name\": \"query …\", …}`) of the only operations the service runs; clients send a document's text or its SHA-256 as `extensions.persistedQuery.sha256Hash`; anything else gets `UNTRUSTED_DOCUMENT`; empty runs any"},
		{name: "API_KEYS_FILE", group: Server, into: &c.APIKeysFile,
			usage: "the API keys that identify clients, one `name sha256 [rate [burst]]` a line: the key's name, the hex SHA-256 of the key (`printf %s \"$KEY\" | sha256sum`, so the file holds no key), and its own rate and burst if it has them"},
		{name: "TRUSTED_PROXIES", group: Server, into: &c.TrustedProxies,
			usage: "comma-separated addresses or CIDRs of the proxies in front of the service; only from them is `X-Forwarded-For` believed (the nearest address in it that is not a trusted proxy is the client)"},
	}
}

func limitSettings(c *Config) []setting {
	return []setting{
		{name: "RATE_LIMIT", def: "50", group: Server, into: &c.RateLimit, zero: true,
			usage: "tokens a second per client; `0` turns limiting off. A client is a configured API key (`X-API-Key`), else its address (an IPv6 address by its /64); a key not in `API_KEYS_FILE` identifies no one, so its requests share their address's bucket"},
		{name: "RATE_BURST", def: "200", group: Server, into: &c.RateBurst, zero: true,
			usage: "tokens a client can save up; a request costs 1 token plus 1 per 1,000 of complexity, and an empty bucket answers 429 with `Retry-After`"},
		{name: "MAX_DEPTH", def: "10", group: Server, into: &c.Limits.Depth,
			usage: "deepest selection nesting (introspection fields not counted) → `QUERY_TOO_DEEP`"},
		{name: "MAX_COMPLEXITY", def: "100000", group: Server, into: &c.Limits.Complexity,
			usage: "largest price of a query, worked out before it runs: a field with `first` costs `first ×` its children; another list costs its real largest length in the graph × its children (the most edges of that kind one node has, refreshed with the planner's snapshot: with O*NET a skill is required by up to ~870 roles); careerPaths and reachableRoles add 200, recommendations 100, skillGap 20 → `COMPLEXITY_LIMIT_EXCEEDED` with the price and the limit"},
		{name: "MAX_TOKENS", def: "10000", group: Server, into: &c.Limits.Tokens, usage: "most tokens the parser reads → `GRAPHQL_PARSE_FAILED`"},
		{name: "MAX_ALIASES", def: "30", group: Server, into: &c.Limits.Aliases, usage: "most aliased fields → `TOO_MANY_ALIASES`"},
		{name: "MAX_ROOT_FIELDS", def: "15", group: Server, into: &c.Limits.RootFields,
			usage: "most root fields in one operation → `QUERY_TOO_WIDE`"},
		{name: "MAX_BODY_BYTES", def: "1048576", group: Server, into: &c.Limits.BodyBytes, usage: "largest request body → HTTP 413"},
		{name: "MAX_RESPONSE_BYTES", def: "8388608", group: Server, into: &c.Limits.ResponseBytes,
			usage: "largest answer; a larger one is replaced by `RESPONSE_TOO_LARGE`"},
		{name: "MAX_IN_FLIGHT", def: "256", group: Server, into: &c.Limits.InFlight,
			usage: "GraphQL requests handled at once; more are answered at once with 503 `OVERLOADED` and `Retry-After`"},
		{name: "MAX_HEAVY_IN_FLIGHT", def: "4", group: Server, into: &c.Limits.HeavyInFlight,
			usage: "of those, queries priced 10,000 or more: a flood of costly queries is shed this way while cheap ones keep running"},
	}
}

func loopback(c *Config) bool { return Loopback(c.Addr) }
