// Package store owns the Neo4j driver and every Cypher statement of the service.
// Nothing outside it sees a neo4j type: it speaks the domain package's types and
// returns the sentinel errors below.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Sentinel errors; callers test them with errors.Is.
var (
	ErrNotFound    = errors.New("not found")
	ErrUnavailable = errors.New("neo4j is unavailable")
	ErrTimeout     = errors.New("query timed out")
)

// Config says how to reach Neo4j.
type Config struct {
	URI       string // bolt://, neo4j://, neo4j+s:// ...
	User      string // empty for a server without authentication
	Password  string
	Database  string        // "neo4j" unless told otherwise
	TxTimeout time.Duration // server-side limit on every transaction
	// OnStatement, when set, hears of every statement: the name of its file in cypher/,
	// how long it took and its error (for metrics).
	OnStatement func(statement string, took time.Duration, err error)
}

// Store runs the service's Cypher statements against one Neo4j database.
type Store struct {
	driver     neo4j.DriverWithContext
	db         string
	txTimeout  time.Duration
	statements atomic.Int64
	observe    func(string, time.Duration, error)
	connected  atomic.Bool // a statement has been answered (see connect)
}

// Open creates the driver. It does not wait for the server: a service that starts
// before Neo4j still starts, and Ping says when Neo4j is ready.
func Open(cfg Config) (*Store, error) {
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *neo4j.Config) {
		c.ConnectionAcquisitionTimeout = 5 * time.Second
		c.SocketConnectTimeout = 3 * time.Second
		c.MaxConnectionLifetime = 30 * time.Minute
		// Retry transient failures briefly; a request should not hang while Neo4j is down.
		c.MaxTransactionRetryTime = 5 * time.Second
	})
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", cfg.URI, err)
	}
	if cfg.Database == "" {
		cfg.Database = "neo4j"
	}
	if cfg.TxTimeout <= 0 {
		cfg.TxTimeout = 10 * time.Second
	}
	observe := cfg.OnStatement
	if observe == nil {
		observe = func(string, time.Duration, error) {}
	}
	return &Store{driver: driver, db: cfg.Database, txTimeout: cfg.TxTimeout, observe: observe}, nil
}

// Close closes the driver and its connections.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// Ping checks that Neo4j answers a query.
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.readAll(ctx, pingCypher, nil)
	if err == nil {
		s.connected.Store(true)
	}
	return err
}

// connect makes the store's first connection on its own, before reads side by side: the
// driver (v5.28) sets up its connector on its first connection without a lock, so two
// first connections made at once race.
func (s *Store) connect(ctx context.Context) error {
	if s.connected.Load() {
		return nil
	}
	return s.Ping(ctx)
}

// WaitReady polls Neo4j until it answers, for at most d; it gives up at once on errors
// other than Neo4j being unreachable (bad credentials, say).
func (s *Store) WaitReady(ctx context.Context, d time.Duration) error {
	deadline := time.Now().Add(d)
	for {
		err := s.Ping(ctx)
		if err == nil || !errors.Is(err, ErrUnavailable) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// Statements returns how many Cypher statements this store has sent; tests use it to
// check that a request costs a bounded number of round trips.
func (s *Store) Statements() int64 { return s.statements.Load() }

// The statement helpers, one for each way a statement runs:
//
//	readAll     one read statement on its own; all its records
//	writeTx     one write transaction of several statements, the graph's version bumped in it
//	writeOne    one write statement in its own transaction, the version bumped
//	writeCount  the same for a statement ending in RETURN count(*) AS rows; that count
//	schemaTx    one write transaction for schema statements (no version bump: Neo4j does
//	            not mix schema and data changes in one transaction)
//	exec        one statement inside a transaction; its result discarded
//	fetch       one statement inside a transaction; all its records
//	stream      one statement inside a transaction; each record handed to a function
//
// Each counts the statement and tells OnStatement of it, named by its file.

// readAll runs one read statement in a managed transaction and returns its records.
func (s *Store) readAll(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	s.statements.Add(1)
	start := time.Now()
	res, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db),
		neo4j.ExecuteQueryWithReadersRouting(),
		neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(s.txTimeout)))
	err = translate(ctx, err)
	s.observe(statementName(cypher), time.Since(start), err)
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}

// writeTx runs fn in one managed write transaction and bumps the graph's version in the
// same transaction: all its statements land, or none, and every change announces itself
// to the caches built from the graph. Writes and reads share the driver's bookmark
// manager, so a read after a write sees it, on a cluster too.
func (s *Store) writeTx(ctx context.Context, fn func(tx neo4j.ManagedTransaction) error) error {
	return s.changeTx(ctx, nil, fn)
}

// changeTx is writeTx for a write that says what it changes (nil: it cannot say), which
// the version records for the caches to patch themselves (see Change).
func (s *Store) changeTx(ctx context.Context, change *Change, fn func(tx neo4j.ManagedTransaction) error) error {
	params := map[string]any{"roles": nil, "catalog": false}
	if change != nil {
		params["roles"], params["catalog"] = change.Roles, change.Catalog
	}
	return s.schemaTx(ctx, func(tx neo4j.ManagedTransaction) error {
		if err := fn(tx); err != nil {
			return err
		}
		return s.exec(ctx, tx, bumpVersionCypher, params)
	})
}

// writeOne runs a single statement in its own write transaction, with the version bump.
func (s *Store) writeOne(ctx context.Context, cypher string, params map[string]any) error {
	return s.writeTx(ctx, func(tx neo4j.ManagedTransaction) error { return s.exec(ctx, tx, cypher, params) })
}

// writeCount runs a statement that ends in RETURN count(*) AS rows in its own write
// transaction, with the version bump, and returns that count.
func (s *Store) writeCount(ctx context.Context, cypher string) (int, error) {
	var n int64
	err := s.writeTx(ctx, func(tx neo4j.ManagedTransaction) error {
		recs, err := s.fetch(ctx, tx, cypher, nil)
		if err == nil && len(recs) == 1 {
			n, err = value[int64](recs[0], "rows")
		}
		return err
	})
	return int(n), err
}

// schemaTx runs fn in one managed write transaction, chained through the bookmark manager.
func (s *Store) schemaTx(ctx context.Context, fn func(tx neo4j.ManagedTransaction) error) error {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager()})
	defer session.Close(ctx)
	_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, fn(tx)
	}, neo4j.WithTxTimeout(s.txTimeout*6))
	return translate(ctx, err)
}

// exec sends one statement inside a transaction and drains its result.
func (s *Store) exec(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (err error) {
	defer s.observed(ctx, cypher, time.Now(), &err)
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// fetch runs one statement inside a transaction and returns its records.
func (s *Store) fetch(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (recs []*neo4j.Record, err error) {
	defer s.observed(ctx, cypher, time.Now(), &err)
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// stream runs one statement inside a transaction and hands each record to fn as it
// arrives, without holding them all.
func (s *Store) stream(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any, fn func(*neo4j.Record) error) (err error) {
	defer s.observed(ctx, cypher, time.Now(), &err)
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		if err := fn(res.Record()); err != nil {
			return err
		}
	}
	return res.Err()
}

// observed counts a statement run inside a transaction and tells OnStatement of it once
// it has ended with *err.
func (s *Store) observed(ctx context.Context, cypher string, start time.Time, err *error) {
	s.statements.Add(1)
	s.observe(statementName(cypher), time.Since(start), translate(ctx, *err))
}

// translate maps driver errors onto the store's sentinel errors, keeping the original
// for the log. A statement cut short by the caller's deadline is a timeout, whatever the
// driver calls it.
func translate(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w: %w", ErrTimeout, err)
	}
	if s := sentinel(err); s != nil {
		return fmt.Errorf("%w: %w", s, err)
	}
	return err
}

func sentinel(err error) error {
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		return sentinel(limit.Errors[len(limit.Errors)-1]) // retries ran out: why did the last one fail?
	}
	var n4jErr *neo4j.Neo4jError
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return ErrTimeout
	case errors.As(err, &n4jErr) && strings.Contains(n4jErr.Code, "TransactionTimedOut"):
		return ErrTimeout
	case neo4j.IsConnectivityError(err) || isPoolTimeout(err):
		return ErrUnavailable
	}
	return nil
}

func isPoolTimeout(err error) bool {
	var ut *neo4j.UsageError
	return errors.As(err, &ut) && strings.Contains(ut.Message, "connect")
}
