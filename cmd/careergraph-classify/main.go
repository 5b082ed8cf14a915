// Command careergraph-classify maps job titles in bulk, as an HR system holds them, to
// the graph's roles: curated roles and O*NET occupations. It reads titles one a line, or
// with -column one column of a CSV file with a header, and writes CSV: each title with its
// first matches, one row a match (rank, role id and title, O*NET-SOC code, score from 0
// to 1, the role's title that matched). A title that matches nothing gets one row with
// the match columns empty. It asks the same code as the API's classifyTitles, over the
// graph in Neo4j.
//
//	careergraph-classify [-first 3] [-column "Job Title"] [titles.txt|titles.csv|-] > mapped.csv
//
// Neo4j settings come from the same NEO4J_* variables as the server.
package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/careergraph/careergraph/config"
	"github.com/careergraph/careergraph/internal/cli"
	"github.com/careergraph/careergraph/planner"
)

func main() { cli.Main("careergraph-classify", run) }

// stdin is where titles come from when no file is named, or "-" is.
var stdin io.Reader = os.Stdin

// classifier is what the command asks: the planner's classifyTitles.
type classifier interface {
	ClassifyTitles(ctx context.Context, titles []string, first int) ([]planner.TitleMatches, error)
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("careergraph-classify", flag.ContinueOnError)
	first := fs.Int("first", 3, fmt.Sprintf("matches written for each title, 1 to %d", planner.MaxTitleFirst))
	column := fs.String("column", "", "read titles from this column of a CSV file with a header, instead of one a line")
	cfg, err := config.Load(fs, args, getenv, config.Database, config.Wait)
	if err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("give at most one file of titles; got %d", fs.NArg())
	}
	in, err := open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer in.Close()
	titles, err := readTitles(in, *column)
	if err != nil {
		return err
	}
	st, err := cli.Connect(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close(context.WithoutCancel(ctx))
	pl := planner.New(st)
	defer pl.Close()
	return classify(ctx, pl, titles, *first, stdout)
}

func open(name string) (io.ReadCloser, error) {
	if name == "" || name == "-" {
		return io.NopCloser(stdin), nil
	}
	return os.Open(name)
}

// readTitles reads titles one a line, or from the named column of CSV with a header.
// Blank lines are kept, so that the output lines up with the input.
func readTitles(in io.Reader, column string) ([]string, error) {
	if column == "" {
		b, err := io.ReadAll(in)
		if err != nil {
			return nil, err
		}
		text := strings.TrimSuffix(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
		if text == "" {
			return nil, errors.New("no titles to classify: the input is empty")
		}
		return strings.Split(text, "\n"), nil
	}
	r := csv.NewReader(in)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("reading CSV: %w", err)
	}
	if len(rows) == 0 {
		return nil, errors.New("no titles to classify: the CSV is empty")
	}
	at := slices.IndexFunc(rows[0], func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), column) })
	if at < 0 {
		return nil, fmt.Errorf("the CSV has no column %q; its header is %q", column, rows[0])
	}
	titles := make([]string, 0, len(rows)-1)
	for i, row := range rows[1:] {
		if at >= len(row) {
			return nil, fmt.Errorf("CSV line %d has %d fields, no %q", i+2, len(row), column)
		}
		titles = append(titles, row[at])
	}
	return titles, nil
}

// classify writes each title's first matches as CSV, asking MaxTitles titles at a time.
func classify(ctx context.Context, c classifier, titles []string, first int, out io.Writer) error {
	w := csv.NewWriter(out)
	_ = w.Write([]string{"title", "rank", "role", "role_title", "soc", "score", "matched_title"})
	for start := 0; start < len(titles); start += planner.MaxTitles {
		batch := titles[start:min(start+planner.MaxTitles, len(titles))]
		got, err := c.ClassifyTitles(ctx, batch, first)
		if err != nil {
			return fmt.Errorf("titles %d to %d: %w", start+1, start+len(batch), err)
		}
		for _, t := range got {
			if len(t.Matches) == 0 {
				_ = w.Write([]string{t.Title, "", "", "", "", "", ""})
			}
			for i, m := range t.Matches {
				_ = w.Write([]string{t.Title, strconv.Itoa(i + 1), m.Role.ID, m.Role.Title, m.SOC,
					strconv.FormatFloat(m.Score, 'f', 3, 64), m.MatchedTitle})
			}
		}
	}
	w.Flush()
	return w.Error()
}
