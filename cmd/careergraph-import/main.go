// Command careergraph-import loads data into the career graph: the curated dataset, or
// with -onet the O*NET database (the official text edition, or the Excel export in
// ../shared/data/onet-29.3); or with -oews BLS's OEWS wage estimates (the "all data" file,
// as .xlsx or tab-separated text). It reads and checks everything first and writes nothing if
// any of it is wrong; a second run changes nothing.
//
//	careergraph-import [-DATASET=dataset/it-infrastructure.yaml] [-check]
//	careergraph-import -onet [-ONET_DIR=../shared/data/onet-29.3] [-tables occupations,skills,...] [-skip-bad-rows] [-check]
//	careergraph-import -oews [-OEWS_DIR=../shared/data/oews-2025] [-skip-bad-rows] [-check]
//
// Neo4j settings come from the same NEO4J_* variables as the server.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/internal/cli"
	"github.com/careergraph/careergraph/oews"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/store"
)

func main() { cli.Main("careergraph-import", run) }

// options are the command's own flags.
type options struct {
	check, fromONet, fromOEWS, skipBadRows bool
	tables                                 string
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("careergraph-import", flag.ContinueOnError)
	var o options
	fs.BoolVar(&o.check, "check", false, "only read and check the data; do not connect to Neo4j")
	fs.BoolVar(&o.fromONet, "onet", false, "import the O*NET database in ONET_DIR instead of the curated dataset")
	fs.BoolVar(&o.fromOEWS, "oews", false, "import BLS's OEWS wage estimates in OEWS_DIR instead of the curated dataset")
	fs.StringVar(&o.tables, "tables", strings.Join(onet.AllTables, ","), "with -onet: the tables to load, comma-separated: "+strings.Join(onet.AllTables, ", "))
	fs.BoolVar(&o.skipBadRows, "skip-bad-rows", false, "with -onet or -oews: skip malformed rows (and report how many) instead of stopping")
	cfg, err := config.Load(fs, args, getenv, config.Database, config.Wait, config.Dataset, config.ONet, config.OEWS)
	if err != nil {
		return err
	}
	switch {
	case o.fromONet && o.fromOEWS:
		return fmt.Errorf("give -onet or -oews, not both; import one, then the other")
	case o.fromONet:
		return importONet(ctx, cfg, o, stdout)
	case o.fromOEWS:
		return importOEWS(ctx, cfg, o, stdout)
	}
	return importDataset(ctx, cfg, o, stdout)
}

// importDataset imports the curated dataset in DATASET.
func importDataset(ctx context.Context, cfg config.Config, o options, stdout io.Writer) error {
	ds, err := dataset.Load(cfg.Dataset)
	if err != nil || o.check {
		if err == nil {
			fmt.Fprintf(stdout, "%s is valid\n", cfg.Dataset)
		}
		return err
	}
	st, err := cli.Connect(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close(ctx)
	start := time.Now()
	if err := st.Import(ctx, ds); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "imported %s into %s in %s: %d roles, %d skills, %d certifications, %d edges\n",
		cfg.Dataset, cfg.Neo4j.URI, time.Since(start).Round(time.Millisecond), len(ds.Roles), len(ds.Skills),
		len(ds.Certifications), len(ds.Requirements)+len(ds.Endorsements)+len(ds.Progressions))
	return nil
}

// importONet imports the O*NET tables o names from ONET_DIR.
func importONet(ctx context.Context, cfg config.Config, o options, stdout io.Writer) error {
	start := time.Now()
	d, err := onet.Read(onet.Options{Dir: cfg.ONetDir, SkipBadRows: o.skipBadRows,
		Tables: strings.FieldsFunc(o.tables, func(r rune) bool { return r == ',' || r == ' ' })})
	if err != nil {
		return err
	}
	rows := 0
	for _, n := range d.Rows {
		rows += n
	}
	fmt.Fprintf(stdout, "read %d rows from %s in %s\n", rows, cfg.ONetDir, time.Since(start).Round(time.Millisecond))
	if !o.check {
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
	}
	if d.Skipped > 0 {
		fmt.Fprintf(stdout, "skipped %d malformed rows\n", d.Skipped)
	}
	fmt.Fprintln(stdout, onet.Attribution)
	return nil
}

// importOEWS imports the OEWS estimates in OEWS_DIR.
func importOEWS(ctx context.Context, cfg config.Config, o options, stdout io.Writer) error {
	start := time.Now()
	d, err := oews.Read(oews.Options{Dir: cfg.OEWSDir, SkipBadRows: o.skipBadRows})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "read %d rows from %s in %s: %d cross-industry estimates in %d areas (%d rows of single industries left out)\n",
		d.Rows, d.File, time.Since(start).Round(time.Millisecond), len(d.Estimates), len(d.Areas), d.Other)
	if d.Skipped > 0 {
		fmt.Fprintf(stdout, "skipped %d malformed rows\n", d.Skipped)
	}
	if !o.check {
		st, err := cli.Connect(ctx, cfg)
		if err != nil {
			return err
		}
		defer st.Close(ctx)
		err = st.ImportOEWS(ctx, d, func(step string, n int, took time.Duration) {
			fmt.Fprintf(stdout, "  %-24s %7d rows  %8s\n", step, n, took.Round(time.Millisecond))
		})
		switch {
		case errors.Is(err, store.ErrUnchanged):
			fmt.Fprintf(stdout, "release %s is already imported; nothing changed\n", d.Release)
		case err != nil:
			return err
		default:
			fmt.Fprintf(stdout, "imported release %s in %s\n", d.Release, time.Since(start).Round(time.Millisecond))
		}
	}
	fmt.Fprintln(stdout, oews.Attribution)
	return nil
}
