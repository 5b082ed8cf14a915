// Command careergraph serves the career knowledge graph over GraphQL.
//
// It reads its configuration from environment variables (see README.md), connects to
// Neo4j, and serves the API at /graphql, a playground at /, and /healthz and /readyz.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/httpapi"
	"github.com/careergraph/careergraph/metrics"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, nil); err != nil {
		fmt.Fprintln(os.Stderr, "careergraph:", err)
		os.Exit(1)
	}
}

// run starts the service and blocks until ctx is cancelled, then drains in-flight
// requests and stops. When ready is not nil, it receives the listening address.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer, ready chan<- string) error {
	cfg, err := config.Load("careergraph", args, getenv)
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
	cfg.Neo4j.OnStatement = m.Statement
	st, err := store.Open(cfg.Neo4j)
	if err != nil {
		return err
	}
	defer st.Close(context.Background())
	if err := st.Ping(ctx); err != nil {
		log.Warn().Err(err).Msg("neo4j is not answering yet; /readyz reports unavailable until it does")
	}

	var apiKeys map[string]httpapi.KeyLimit
	if cfg.APIKeysFile != "" {
		if apiKeys, err = httpapi.LoadAPIKeys(cfg.APIKeysFile); err != nil {
			return err
		}
		log.Info().Int("keys", len(apiKeys)).Msg("API keys loaded: only these identify clients")
	}
	var trusted httpapi.TrustedDocuments
	if cfg.TrustedDocuments != "" {
		if trusted, err = httpapi.LoadTrustedDocuments(cfg.TrustedDocuments); err != nil {
			return err
		}
		log.Info().Int("documents", len(trusted)).Msg("trusted-documents mode: only registered operations run")
	}
	pl := planner.New(st, planner.Options{RefreshEvery: cfg.SnapshotRefresh})
	defer pl.Close() // before the store closes: a refresh may still be reading
	go pl.KeepFresh(ctx)
	handler := httpapi.NewServer(httpapi.Options{
		Store: st, Planner: pl, Logger: log, RequestTimeout: cfg.RequestTimeout, Playground: cfg.Playground,
		PlaygroundAssets: cfg.PlaygroundAssets, Introspection: cfg.Introspection, AllowedOrigins: cfg.AllowedOrigins,
		MaxBodyBytes: cfg.Limits.BodyBytes, MaxResponseBytes: cfg.Limits.ResponseBytes, MaxInFlight: cfg.Limits.InFlight,
		MaxHeavyInFlight: cfg.Limits.HeavyInFlight, CuratorToken: cfg.CuratorToken, TrustedDocuments: trusted, Metrics: m,
		MetricsElsewhere: cfg.MetricsAddr != "", RateLimit: httpapi.RateLimit{Rate: cfg.RateLimit, Burst: cfg.RateBurst, Keys: apiKeys, TrustedProxies: cfg.TrustedProxies},
		Limits: httpapi.Limits{MaxDepth: cfg.Limits.Depth, MaxComplexity: cfg.Limits.Complexity, MaxTokens: cfg.Limits.Tokens,
			MaxAliases: cfg.Limits.Aliases, MaxRootFields: cfg.Limits.RootFields},
	})
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
	go func() { errc <- srv.Serve(ln) }()
	if cfg.MetricsAddr != "" {
		mln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			return fmt.Errorf("listen for metrics: %w", err)
		}
		msrv := &http.Server{Handler: m.Handler(), ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 30 * time.Second}
		defer msrv.Close()
		go func() { errc <- msrv.Serve(mln) }()
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
