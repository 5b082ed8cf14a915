package httpapi

import (
	"net/http"
)

// addRoutes is the map of the service: every route it serves is here.
func addRoutes(mux *http.ServeMux, o Options) {
	shed := newLoadShedder(o.MaxInFlight, o.MaxHeavyInFlight, HeavyCost, o.MaxResponseBytes)
	var limiter *rateLimiter
	if o.RateLimit.Rate > 0 {
		limiter = newRateLimiter(o.RateLimit, o.Metrics.RateLimited)
	}
	api := shed.middleware(guardGraphQLRequest(o.MaxBodyBytes, graphqlHandler(o, limiter, shed)))
	if limiter != nil {
		api = limiter.middleware(api)
	}
	mux.Handle("/graphql", withCORS(o.AllowedOrigins, withDeadline(o.RequestTimeout, api)))
	if !o.MetricsElsewhere {
		mux.Handle("GET /metrics", o.Metrics.Handler())
	}
	mux.Handle("GET /widget.js", serveWeb("widget.js", "text/javascript; charset=utf-8"))
	mux.Handle("GET /demo", serveWeb("demo.html", "text/html; charset=utf-8"))
	mux.Handle("GET /demo.js", serveWeb("demo.js", "text/javascript; charset=utf-8"))
	mux.HandleFunc("GET /healthz", handleHealthz)
	mux.Handle("GET /readyz", handleReadyz(o.Ready, o.Snapshot))
	if o.Playground {
		mux.Handle("GET /{$}", handlePlayground())
		mux.Handle("GET /playground/{file}", handlePlaygroundAsset(o.PlaygroundAssets))
	}
}
