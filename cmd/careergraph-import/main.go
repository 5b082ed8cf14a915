// Command careergraph-import loads the curated dataset into Neo4j. It checks the whole
// file first and writes nothing if any entry is wrong; a second run changes nothing.
//
//	careergraph-import [-DATASET=dataset/it-infrastructure.yaml] [-NEO4J_WAIT=2m] [-check]
//
// Neo4j settings come from the same NEO4J_* variables as the server.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/internal/cli"
)

func main() { cli.Main("careergraph-import", run) }

func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("careergraph-import", flag.ContinueOnError)
	checkOnly := fs.Bool("check", false, "only check the dataset file; do not connect to Neo4j")
	cfg, err := config.Load(fs, args, getenv, config.Database, config.Wait, config.Dataset)
	if err != nil {
		return err
	}
	ds, err := dataset.Load(cfg.Dataset)
	if err != nil {
		return err
	}
	if *checkOnly {
		fmt.Fprintf(stdout, "%s is valid\n", cfg.Dataset)
		return nil
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
