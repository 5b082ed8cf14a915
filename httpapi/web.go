package httpapi

import (
	"embed"
	"net/http"
)

//go:embed web
var web embed.FS

// pageCSP keeps the widget's demo page to this service's own scripts.
const pageCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'"

// serveWeb serves one embedded file of web/ with its content type.
func serveWeb(name, contentType string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := web.ReadFile("web/" + name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Cache-Control", "public, max-age=300")
		if contentType == "text/html; charset=utf-8" {
			w.Header().Set("Content-Security-Policy", pageCSP)
		}
		_, _ = w.Write(body)
	})
}
