// Command careergraph serves the career knowledge graph over GraphQL.
//
// It reads its settings from environment variables or flags (see README.md), connects to
// Neo4j, and serves the API at /graphql, a playground at /, and /healthz and /readyz.
//
// This file is the composition root: it builds the whole service, in dependency order
// config → store → planner → resolvers → HTTP handler, and serves it until SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/graph"
	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/internal/cli"
	"github.com/careergraph/careergraph/internal/memlimit"
	"github.com/careergraph/careergraph/internal/safe"
	"github.com/careergraph/careergraph/loaders"
	"github.com/careergraph/careergraph/metrics"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

func main() {
	cli.Main("careergraph", func(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
		return run(ctx, args, getenv, stdout, nil)
	})
}

// run starts the service and blocks until ctx is cancelled, then drains in-flight
// requests and stops. When ready is not nil, it receives the listening address.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer, ready chan<- string) error {
	cfg, err := config.Load(flag.NewFlagSet("careergraph", flag.ContinueOnError), args, getenv, config.Server, config.Database)
	if err != nil {
		return err
	}
	log, err := newLogger(cfg, stdout)
	if err != nil {
		return err
	}
	log.Info().Fields(cfg.Fields()).Msg("starting")
	if (cfg.Playground || cfg.Introspection) && !config.Loopback(cfg.Addr) {
		log.Warn().Bool("PLAYGROUND", cfg.Playground).Bool("INTROSPECTION", cfg.Introspection).Str("ADDR", cfg.Addr).
			Msg("the playground or introspection is on while listening beyond loopback: anyone who reaches this address can read the whole schema; set PLAYGROUND=false and INTROSPECTION=false in production")
	}

	m := metrics.New()
	st, err := cli.Open(cfg, m.Statement)
	if err != nil {
		return err
	}
	defer st.Close(context.Background())
	if err := st.Ping(ctx); err != nil {
		log.Warn().Err(err).Msg("neo4j is not answering yet; /readyz reports unavailable until it does")
	}
	mem := memlimit.New(log)
	pl := planner.New(st, planner.Options{RefreshEvery: cfg.SnapshotRefresh, Log: log, OnSnapshot: m.Snapshot, OnLoad: m.Load,
		Settled: mem.Settled, Loading: memlimit.Loading})
	mem.Watch(pl.Reading) // a heap measured during a read would count the graph being read
	defer pl.Close()      // before the store closes: a refresh may still be reading
	safe.Go(log, "planner.keepFresh", func() { pl.KeepFresh(ctx) })
	handler, err := newHandler(cfg, log, m, st, pl)
	if err != nil {
		return err
	}
	return serve(ctx, cfg, log, handler, m, ready)
}

// newHandler builds the resolvers over st and pl and the HTTP handler around them.
func newHandler(cfg config.Config, log zerolog.Logger, m *metrics.Metrics, st *store.Store, pl *planner.Planner) (http.Handler, error) {
	o := httpapi.Options{
		Schema: graph.NewSchema(st, pl), Loaders: loaders.Middleware(st, cfg.LoaderWait, m.Batch), Ready: st, Snapshot: pl,
		ListBound: pl.ListBound, Logger: log, Metrics: m, MetricsElsewhere: cfg.MetricsAddr != "",
		RequestTimeout: cfg.RequestTimeout, Playground: cfg.Playground, PlaygroundAssets: cfg.PlaygroundAssets,
		Introspection: cfg.Introspection, AllowedOrigins: cfg.AllowedOrigins, CuratorToken: cfg.CuratorToken,
		MaxBodyBytes: cfg.Limits.BodyBytes, MaxResponseBytes: cfg.Limits.ResponseBytes,
		MaxInFlight: cfg.Limits.InFlight, MaxHeavyInFlight: cfg.Limits.HeavyInFlight,
		Limits: httpapi.Limits{MaxDepth: cfg.Limits.Depth, MaxComplexity: cfg.Limits.Complexity, MaxTokens: cfg.Limits.Tokens,
			MaxAliases: cfg.Limits.Aliases, MaxRootFields: cfg.Limits.RootFields},
		RateLimit: httpapi.RateLimit{Rate: cfg.RateLimit, Burst: cfg.RateBurst, TrustedProxies: cfg.TrustedProxies},
	}
	var err error
	if cfg.APIKeysFile != "" {
		if o.RateLimit.Keys, err = httpapi.LoadAPIKeys(cfg.APIKeysFile); err != nil {
			return nil, err
		}
		log.Info().Int("keys", len(o.RateLimit.Keys)).Msg("API keys loaded: only these identify clients")
	}
	if cfg.TrustedDocuments != "" {
		if o.TrustedDocuments, err = httpapi.LoadTrustedDocuments(cfg.TrustedDocuments); err != nil {
			return nil, err
		}
		log.Info().Int("documents", len(o.TrustedDocuments)).Msg("trusted-documents mode: only registered operations run")
	}
	return httpapi.NewServer(o), nil
}

// serve listens on ADDR (and METRICS_ADDR) until ctx is cancelled, then drains.
func serve(ctx context.Context, cfg config.Config, log zerolog.Logger, handler http.Handler, m *metrics.Metrics, ready chan<- string) error {
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	// A client gets 5 s for its headers and the request's deadline for its whole request,
	// and its answer must be written within the deadline plus 10 s: a slow client cannot
	// hold a connection open.
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: cfg.RequestTimeout,
		WriteTimeout: cfg.RequestTimeout + 10*time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	errc := make(chan error, 2)
	safe.Go(log, "serve", func() { errc <- srv.Serve(ln) })
	if cfg.MetricsAddr != "" {
		mln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			return fmt.Errorf("listen for metrics: %w", err)
		}
		msrv := &http.Server{Handler: m.Handler(), ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 30 * time.Second}
		defer msrv.Close()
		safe.Go(log, "serve.metrics", func() { errc <- msrv.Serve(mln) })
		log.Info().Str("addr", mln.Addr().String()).Msg("serving /metrics on its own listener")
	}
	log.Info().Str("addr", ln.Addr().String()).Msgf("serving: playground http://%s/ API http://%s/graphql", ln.Addr(), ln.Addr())
	if ready != nil {
		ready <- ln.Addr().String()
	}
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info().Dur("timeout", cfg.ShutdownTimeout).Msg("shutting down: draining in-flight requests")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	log.Info().Msg("stopped")
	return nil
}

func newLogger(cfg config.Config, out io.Writer) (zerolog.Logger, error) {
	level, err := zerolog.ParseLevel(cfg.LogLevel)
	if err != nil {
		return zerolog.Logger{}, fmt.Errorf("config: LOG_LEVEL=%q: %w", cfg.LogLevel, err)
	}
	if cfg.LogFormat == "console" {
		out = zerolog.ConsoleWriter{Out: out, TimeFormat: time.TimeOnly}
	}
	return zerolog.New(out).Level(level).With().Timestamp().Str("service", "careergraph").Logger(), nil
}
