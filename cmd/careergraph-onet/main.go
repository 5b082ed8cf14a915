// Command careergraph-onet imports the O*NET database (the official text edition, or the
// Excel export in ../shared/data/onet-29.3) into the career graph. It reads and checks
// every chosen table first; a malformed row stops the import before anything is written,
// unless -skip-bad-rows is given. A second run changes nothing.
//
//	careergraph-onet [-ONET_DIR=../shared/data/onet-29.3] [-tables occupations,skills,...] [-skip-bad-rows]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/internal/cli"
	"github.com/careergraph/careergraph/onet"
)

func main() { cli.Main("careergraph-onet", run) }

func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("careergraph-onet", flag.ContinueOnError)
	tables := fs.String("tables", strings.Join(onet.AllTables, ","), "tables to load, comma-separated: "+strings.Join(onet.AllTables, ", "))
	skip := fs.Bool("skip-bad-rows", false, "skip malformed rows (and report how many) instead of stopping")
	cfg, err := config.Load(fs, args, getenv, config.Database, config.Wait, config.ONet)
	if err != nil {
		return err
	}
	start := time.Now()
	d, err := onet.Read(onet.Options{Dir: cfg.ONetDir, Tables: strings.FieldsFunc(*tables, func(r rune) bool { return r == ',' || r == ' ' }), SkipBadRows: *skip})
	if err != nil {
		return err
	}
	rows := 0
	for _, n := range d.Rows {
		rows += n
	}
	fmt.Fprintf(stdout, "read %d rows from %s in %s\n", rows, cfg.ONetDir, time.Since(start).Round(time.Millisecond))
	st, err := cli.Connect(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close(ctx)
	err = st.ImportONet(ctx, d, func(step string, n int, took time.Duration) {
		fmt.Fprintf(stdout, "  %-24s %7d rows  %8s  %9.0f rows/s\n", step, n, took.Round(time.Millisecond), float64(n)/took.Seconds())
	})
	if err != nil {
		return err
	}
	total := time.Since(start)
	fmt.Fprintf(stdout, "imported %d occupations from %d rows in %s (%.0f rows/s)\n", len(d.Occupations), rows,
		total.Round(time.Millisecond), float64(rows)/total.Seconds())
	if d.Skipped > 0 {
		fmt.Fprintf(stdout, "skipped %d malformed rows\n", d.Skipped)
	}
	fmt.Fprintln(stdout, onet.Attribution)
	return nil
}
