package httpapi

import (
	"net/http"
)

// addRoutes is the map of the service: every route it serves is here.
func addRoutes(mux *http.ServeMux, o Options) {
	mux.Handle("/graphql", withDeadline(o.RequestTimeout,
		guardGraphQLRequest(o.MaxBodyBytes, graphqlHandler(o))))
	mux.HandleFunc("GET /healthz", handleHealthz)
	mux.Handle("GET /readyz", handleReadyz(o.Store))
	if o.Playground {
		mux.Handle("GET /{$}", handlePlayground())
		mux.Handle("GET /playground/{file}", handlePlaygroundAsset(o.PlaygroundAssets))
	}
}
