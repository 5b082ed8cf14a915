// Command careergraph-eval measures recommendations against O*NET's related occupations,
// held out: it imports O*NET into the graph, deletes the related-occupation links and
// the moves derived from them, asks for the next roles of every rated occupation, and
// prints recall next to a plain cosine baseline computed from the same files. The
// withheld links are restored before it exits. It then matches every title incumbents
// reported to O*NET against an index of the other titles (package titles), and prints
// top-1 and top-5 accuracy beside two TF-IDF baselines; and finds the skills each curated
// role's section of the career guide names (extractSkills), with recall and precision
// against the roles' curated requirements.
//
//	careergraph-eval [-ONET_DIR=../shared/data/onet-29.3] [-guide=../shared/seed/….txt] [-signals]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/dataset"
	"github.com/careergraph/careergraph/eval"
	"github.com/careergraph/careergraph/internal/cli"
	"github.com/careergraph/careergraph/onet"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

func main() { cli.Main("careergraph-eval", run) }

func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("careergraph-eval", flag.ContinueOnError)
	signals := fs.Bool("signals", false, "also measure each similarity signal alone, from the files")
	guide := fs.String("guide", "../shared/seed/it-infrastructure-engineer-career-guide.txt", "the career guide whose role sections extractSkills is measured on")
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
	if err := evaluateText(ctx, st, *guide, stdout); err != nil {
		return err
	}
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

// evaluateText prints how well extractSkills reads the guide's role sections.
func evaluateText(ctx context.Context, st *store.Store, guidePath string, stdout io.Writer) error {
	ds, err := dataset.Load(dataset.DefaultPath)
	if err != nil {
		return err
	}
	guide, err := os.ReadFile(guidePath)
	if err != nil {
		return err
	}
	pl := planner.New(st)
	defer pl.Close()
	rep, err := eval.EvaluateText(ctx, pl, ds, string(guide))
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, rep)
	return nil
}
