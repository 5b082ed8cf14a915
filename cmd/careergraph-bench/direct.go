package main

import (
	"context"
	_ "embed"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/config"
)

//go:embed direct_edit.cypher
var directEditCypher string

// directEditRole is the occupation whose requirement the direct edits change.
const directEditRole = "onet-15-1244-00"

// directEdits makes n edits straight in Neo4j, past the service (its own driver, as an ETL
// job would), each once the last was in the server's snapshot, and returns how long after
// each edit the server had loaded it; the requirement gets its value back at the end.
func directEdits(ctx context.Context, n4 config.Neo4j, n int) ([]time.Duration, error) {
	auth := neo4j.NoAuth() // as the store connects
	if n4.User != "" {
		auth = neo4j.BasicAuth(n4.User, n4.Password, "")
	}
	d, err := neo4j.NewDriverWithContext(n4.URI, auth)
	if err != nil {
		return nil, err
	}
	defer d.Close(ctx)
	set := func(importance any) (any, error) {
		res, err := neo4j.ExecuteQuery(ctx, d, directEditCypher, map[string]any{"role": directEditRole, "importance": importance},
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(n4.Database))
		if err != nil {
			return nil, err
		}
		if len(res.Records) != 1 {
			return nil, fmt.Errorf("%s has no requirement to edit", directEditRole)
		}
		return res.Records[0].Values[0], nil
	}
	var took []time.Duration
	var was any
	for i := range n {
		before := scrape()["careergraph_snapshot_loads_total"]
		start := time.Now()
		old, err := set(2.5 + float64(i%2))
		if err != nil {
			return took, err
		}
		if i == 0 {
			was = old
		}
		for scrape()["careergraph_snapshot_loads_total"] <= before {
			if time.Since(start) > 2*time.Minute {
				return took, fmt.Errorf("a direct edit not loaded within 2 minutes")
			}
			time.Sleep(10 * time.Millisecond)
		}
		took = append(took, time.Since(start))
		time.Sleep(500 * time.Millisecond)
	}
	_, err = set(was)
	return took, err
}
