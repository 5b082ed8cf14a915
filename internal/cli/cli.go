// Package cli holds what the project's commands do alike: run until interrupted, report a
// failure, and open the store their settings name.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/store"
)

// Run is a command's body: it reads its arguments and environment and writes to stdout.
type Run func(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error

// Main runs run until it returns or the process is interrupted (SIGINT, SIGTERM, which
// cancel its context); on error it prints "name: error" and exits 1. Asking for help
// (-h) prints the flags and exits 0.
func Main(name string, run Run) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, name+":", err)
		os.Exit(1)
	}
}

// Open opens the store cfg's NEO4J_* settings name, without waiting for it; observe,
// when not nil, hears every statement.
func Open(cfg config.Config, observe func(statement string, took time.Duration, err error)) (*store.Store, error) {
	n := cfg.Neo4j
	return store.Open(store.Config{URI: n.URI, User: n.User, Password: n.Password, Database: n.Database,
		TxTimeout: n.TxTimeout, OnStatement: observe})
}

// Connect opens the store and waits up to NEO4J_WAIT for it to answer.
func Connect(ctx context.Context, cfg config.Config) (*store.Store, error) {
	st, err := Open(cfg, nil)
	if err != nil {
		return nil, err
	}
	if err := st.WaitReady(ctx, cfg.Neo4jWait); err != nil {
		st.Close(context.Background())
		return nil, err
	}
	return st, nil
}
