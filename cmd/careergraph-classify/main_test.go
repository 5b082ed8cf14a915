package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/neo4jtest"
	"github.com/careergraph/careergraph/planner"
)

// echo is a classifier that matches each title to a role named after it, and records
// the batches it was asked.
type echo struct{ batches []int }

func (e *echo) ClassifyTitles(_ context.Context, titles []string, first int) ([]planner.TitleMatches, error) {
	e.batches = append(e.batches, len(titles))
	out := make([]planner.TitleMatches, len(titles))
	for i, t := range titles {
		out[i].Title = t
		if t != "" {
			out[i].Matches = []planner.TitleMatch{{Role: &domain.Role{ID: "r-" + t, Title: t}, Score: 0.5, SOC: "15-1232.00", MatchedTitle: t}}
		}
	}
	return out, nil
}

// Titles are read one a line or from a CSV column, asked in batches of 100, and written
// one row a match, in the input's order, blank titles kept.
func TestClassifyReadsAndWritesInOrder(t *testing.T) {
	var lines []string
	for i := range 250 {
		lines = append(lines, fmt.Sprintf("title %d", i))
	}
	lines[7] = ""
	titles, err := readTitles(strings.NewReader(strings.Join(lines, "\r\n")+"\r\n"), "")
	if err != nil || len(titles) != 250 {
		t.Fatalf("%d titles, %v", len(titles), err)
	}
	var out bytes.Buffer
	e := &echo{}
	if err := classify(context.Background(), e, titles, 3, &out); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(e.batches) != "[100 100 50]" || len(rows) != 251 || rows[1][0] != "title 0" || rows[8][1] != "" || rows[250][2] != "r-title 249" {
		t.Errorf("batches %v, %d rows: %v … %v", e.batches, len(rows), rows[:2], rows[len(rows)-1])
	}
	csvTitles, err := readTitles(strings.NewReader("id,Job Title\n1,\"Help Desk Analyst, Tier 1\"\n2,Nurse\n"), "job title")
	if err != nil || fmt.Sprint(csvTitles) != "[Help Desk Analyst, Tier 1 Nurse]" {
		t.Errorf("CSV column: %q, %v", csvTitles, err)
	}
	if _, err := readTitles(strings.NewReader(""), ""); err == nil || !strings.Contains(err.Error(), "input is empty") {
		t.Errorf("empty input: %v", err)
	}
	if _, err := readTitles(strings.NewReader("id,title\n"), "Job Title"); err == nil || !strings.Contains(err.Error(), `no column "Job Title"`) {
		t.Errorf("missing column: %v", err)
	}
}

// The command over the curated graph in Neo4j: a file of titles in, CSV out.
func TestClassifyOverTheGraph(t *testing.T) {
	neo4jtest.Store(t) // the curated graph, reset
	path := filepath.Join(t.TempDir(), "titles.txt")
	if err := os.WriteFile(path, []byte("Sr. Linux Admin\nDesktop Support Tech II\nZqxv\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	getenv := func(k string) string {
		if k == "NEO4J_URI" {
			return neo4jtest.URI()
		}
		return ""
	}
	if err := run(context.Background(), []string{"-first", "1", path}, getenv, &out); err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(&out).ReadAll()
	want := [][]string{{"Sr. Linux Admin", "systems-administrator"}, {"Desktop Support Tech II", "help-desk-technician"}, {"Zqxv", ""}}
	if len(rows) != 4 {
		t.Fatalf("rows %v", rows)
	}
	for i, w := range want {
		if rows[i+1][0] != w[0] || rows[i+1][2] != w[1] {
			t.Errorf("row %d: %v, want %v", i+1, rows[i+1], w)
		}
	}
}
