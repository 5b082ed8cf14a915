package httpapi

import (
	"net/http"
	"slices"
)

// withCORS lets pages on the allowed origins (career sites embedding the widget) call
// the API from the browser. "*" allows any origin. Requests from other origins get no
// CORS headers, so browsers refuse them; a preflight from one is answered 403.
func withCORS(allowed []string, next http.Handler) http.Handler {
	any := slices.Contains(allowed, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" {
			next.ServeHTTP(w, r)
			return
		}
		ok := any || slices.Contains(allowed, origin)
		preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
		w.Header().Add("Vary", "Origin")
		if ok {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Expose-Headers", "X-Request-Id")
		}
		if !preflight {
			next.ServeHTTP(w, r)
			return
		}
		if !ok {
			requestError(w, http.StatusForbidden, "ORIGIN_NOT_ALLOWED",
				"this origin may not call the API; ask the operator to add it to CORS_ALLOWED_ORIGINS")
			return
		}
		w.Header().Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
		w.Header().Set("Access-Control-Allow-Headers", "Content-Type, Accept, Authorization, X-Request-Id")
		w.Header().Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
	})
}
