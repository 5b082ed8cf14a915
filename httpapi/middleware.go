package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/hlog"
)

// withRequestLogging gives each request a logger carrying its request id (taken from
// X-Request-Id when the client sends a valid one, echoed back in the response) and logs
// one line when the request ends.
func withRequestLogging(log zerolog.Logger, next http.Handler) http.Handler {
	h := hlog.AccessHandler(func(r *http.Request, status, size int, d time.Duration) {
		hlog.FromRequest(r).Info().Str("method", r.Method).Str("path", r.URL.Path).
			Int("status", status).Int("bytes", size).Dur("duration", d).Msg("request")
	})(next)
	h = hlog.RequestIDHandler("request_id", "X-Request-Id")(h)
	return hlog.NewHandler(log)(h)
}

// withDeadline bounds the time a request may take; Neo4j calls made for it stop when
// the deadline passes or the client goes away.
func withDeadline(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
