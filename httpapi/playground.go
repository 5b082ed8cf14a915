package httpapi

import (
	_ "embed"
	"net/http"
	"path/filepath"
)

//go:embed playground.html
var playgroundHTML []byte

// handlePlayground serves the GraphiQL page. Its scripts come from this service, never
// from a CDN, so it works on a machine without internet access.
func handlePlayground() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy",
			"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:")
		_, _ = w.Write(playgroundHTML)
	})
}

// playgroundFiles are the only files served from the playground's npm packages.
var playgroundFiles = map[string]string{
	"graphiql.min.js":             "graphiql/graphiql.min.js",
	"graphiql.min.css":            "graphiql/graphiql.min.css",
	"react.production.min.js":     "react/umd/react.production.min.js",
	"react-dom.production.min.js": "react-dom/umd/react-dom.production.min.js",
}

// handlePlaygroundAsset serves GraphiQL and React from the folder npm installed them in.
func handlePlaygroundAsset(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel, ok := playgroundFiles[r.PathValue("file")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		http.ServeFile(w, r, filepath.Join(dir, filepath.FromSlash(rel)))
	})
}
