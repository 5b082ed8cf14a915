// Command careergraph-eval measures recommendations against O*NET's related occupations,
// held out: it imports O*NET into the graph, deletes the related-occupation links and
// the moves derived from them, asks for the next roles of every rated occupation, and
// prints recall next to a plain cosine baseline computed from the same files. The
// withheld links are restored before it exits. It then matches every title incumbents
// reported to O*NET against an index of the other titles (package titles), and prints
// top-1 and top-5 accuracy beside two TF-IDF baselines.
//
//	careergraph-eval [-ONET_DIR=../shared/data/onet-29.3] [-signals]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/eval"
	"github.com/careergraph/careergraph/internal/cli"
	"github.com/careergraph/careergraph/onet"
)

func main() { cli.Main("careergraph-eval", run) }

func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("careergraph-eval", flag.ContinueOnError)
	signals := fs.Bool("signals", false, "also measure each similarity signal alone, from the files")
	cfg, err := config.Load(fs, args, getenv, config.Database, config.Wait, config.ONet)
	if err != nil {
		return err
	}
	d, err := onet.Read(onet.Options{Dir: cfg.ONetDir})
	if err != nil {
		return err
	}
	st, err := cli.Connect(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close(ctx)
	rep, err := eval.Run(ctx, st, d, func(string, int, time.Duration) {})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "held-out evaluation over O*NET from %s (related occupations withheld), %s\n%s", cfg.ONetDir,
		rep.Took.Round(time.Second), rep)
	fmt.Fprintln(stdout, eval.EvaluateTitles(d, 1))
	if *signals {
		key := eval.AnswerKey(d)
		queries := eval.Queries(d, key)
		fmt.Fprintln(stdout, "similarity signals alone, O*NET occupations only:")
		for _, s := range eval.Signals {
			res, err := eval.Measure(queries, key, eval.SimilarityRanker(d, s.Weights), nil)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "  %-19s %s\n", s.Name+":", res)
		}
	}
	return nil
}
