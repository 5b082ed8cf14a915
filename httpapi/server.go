// Package httpapi is the service's HTTP face: the GraphQL endpoint, the playground,
// health checks and the middleware every request passes through.
package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/metrics"
)

// Pinger says whether the service's database answers (for /readyz).
type Pinger interface {
	Ping(ctx context.Context) error
}

// Options configures the handler. Schema, Loaders and Ready are required.
type Options struct {
	Schema  graphql.ExecutableSchema        // the resolvers (graph.NewSchema)
	Loaders func(http.Handler) http.Handler // gives each request its loaders (loaders.Middleware)
	Ready   Pinger                          // asked by /readyz
	// Snapshot, when set, is also asked by /readyz: the planner, ready once its first
	// snapshot of the graph is loaded.
	Snapshot Pinger
	// ListBound, when set, is the longest list a field can return in the graph as it is
	// (planner.ListBound); the cost model prices lists by it.
	ListBound        func(ctx context.Context, typeName, field string) (int, bool)
	Logger           zerolog.Logger
	RequestTimeout   time.Duration // deadline for one request
	MaxBodyBytes     int64         // largest request body accepted
	MaxResponseBytes int           // largest response body sent (default 8 MiB)
	MaxInFlight      int           // GraphQL requests handled at once (default 256); more get 503
	MaxHeavyInFlight int           // of those, with a price of HeavyCost or more (default 4)
	Playground       bool          // serve the playground at /
	PlaygroundAssets string        // folder with the playground's npm packages
	Introspection    bool          // allow schema introspection
	AllowedOrigins   []string      // origins whose pages may call the API ("*" for any)
	Limits           Limits        // bounds on one GraphQL request
	RateLimit        RateLimit     // per-client token bucket; zero Rate turns it off
	Metrics          *metrics.Metrics
	MetricsElsewhere bool             // /metrics is served on a listener of its own, not here
	CuratorToken     string           // bearer token for the curator API's mutations; empty turns them off
	TrustedDocuments TrustedDocuments // when set, only these operations run
}

func (o *Options) defaults() {
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = 15 * time.Second
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 1 << 20
	}
	if o.MaxResponseBytes <= 0 {
		o.MaxResponseBytes = 8 << 20
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = 256
	}
	if o.MaxHeavyInFlight <= 0 {
		o.MaxHeavyInFlight = 4
	}
	o.Limits.defaults()
	if o.Metrics == nil {
		o.Metrics = metrics.New()
	}
}

// NewServer returns the service's root handler. It panics when Schema, Loaders or Ready
// is missing: a wiring mistake, not something a request could mend.
func NewServer(o Options) http.Handler {
	if o.Schema == nil || o.Loaders == nil || o.Ready == nil {
		panic("httpapi: Options needs Schema, Loaders and Ready")
	}
	o.defaults()
	mux := http.NewServeMux()
	addRoutes(mux, o)
	return withRequestLogging(o.Logger, mux)
}
