// Command raw is the baseline in make bench: a minimal net/http server that runs the same
// store and planner code (the same Cypher statements) as the GraphQL service, with no
// GraphQL, and writes JSON.
//
//	/role?id=  /roles?track=&first=  /paths?from=&to=&first=  /recommend?role=&first=
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"strconv"

	"golang.org/x/sync/errgroup"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/internal/cli"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

func main() {
	cfg, err := config.Load(flag.NewFlagSet("raw", flag.ExitOnError), os.Args[1:], os.Getenv, config.Server, config.Database)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	st, err := cli.Open(cfg, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	pl := planner.New(st)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /role", func(w http.ResponseWriter, r *http.Request) {
		ctx, id := r.Context(), []string{r.URL.Query().Get("id")}
		var out struct {
			Role, Skills, Certifications, NextRoles any
		}
		g, gctx := errgroup.WithContext(ctx)
		g.Go(func() (err error) { out.Role, err = st.RolesByIDs(gctx, id); return })
		g.Go(func() (err error) { out.Skills, err = st.RoleSkills(gctx, id); return })
		g.Go(func() (err error) { out.Certifications, err = st.RoleCertifications(gctx, id); return })
		g.Go(func() (err error) { out.NextRoles, err = st.NextRoles(gctx, id); return })
		reply(w, out, g.Wait())
	})
	mux.HandleFunc("GET /roles", func(w http.ResponseWriter, r *http.Request) {
		page, err := st.ListRoles(r.Context(), store.RoleFilter{Track: r.URL.Query().Get("track")},
			store.ListOptions{Limit: num(r, "first", 10), Sort: "TITLE"})
		reply(w, page, err)
	})
	mux.HandleFunc("GET /paths", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		start, err := pl.ResolveStart(r.Context(), q.Get("from"), nil)
		if err != nil {
			reply(w, nil, err)
			return
		}
		paths, err := pl.Paths(r.Context(), start, planner.PathQuery{To: q.Get("to"), RankBy: planner.ByYears,
			First: num(r, "first", 3), MaxSteps: 6})
		reply(w, paths, err)
	})
	mux.HandleFunc("GET /recommend", func(w http.ResponseWriter, r *http.Request) {
		recs, err := pl.Recommend(r.Context(), planner.Profile{RoleID: r.URL.Query().Get("role")}, num(r, "first", 5))
		reply(w, recs, err)
	})
	srv := &http.Server{Addr: cfg.Addr, Handler: mux}
	if err := srv.ListenAndServe(); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	st.Close(context.Background())
}

func num(r *http.Request, key string, def int) int {
	if n, err := strconv.Atoi(r.URL.Query().Get(key)); err == nil {
		return n
	}
	return def
}

func reply(w http.ResponseWriter, v any, err error) {
	w.Header().Set("Content-Type", "application/json")
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
		return
	}
	json.NewEncoder(w).Encode(v)
}
