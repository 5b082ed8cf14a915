package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/rs/zerolog/hlog"
)

// handleHealthz says the process is up; it never touches Neo4j.
func handleHealthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// handleReadyz says whether Neo4j answers and the planner has its snapshot of the graph,
// so a load balancer sends traffic only when queries can succeed; a 503 says why not.
func handleReadyz(st, snapshot Pinger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		reason := ""
		if err := st.Ping(ctx); err != nil {
			reason = "neo4j does not answer"
		} else if snapshot != nil {
			if err = snapshot.Ping(ctx); err != nil {
				reason = "the planner has no snapshot of the graph yet: " + err.Error()
			}
		}
		if reason != "" {
			hlog.FromRequest(r).Warn().Str("reason", reason).Msg("not ready")
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "reason": reason})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
