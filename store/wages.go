package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/oews"
)

// oewsBatch is the estimates one staging transaction carries.
const oewsBatch = 10_000

// OEWSSource is the source every wage figure cites.
var OEWSSource = domain.Source{ID: oews.SourceID, Title: oews.SourceTitle, URL: oews.SourceURL, License: oews.License,
	Attribution: oews.Attribution}

// ErrUnchanged is ImportOEWS's answer when the graph already holds exactly that data.
var ErrUnchanged = errors.New("store: the graph already holds this OEWS release; nothing changed")

// ImportOEWS writes what oews.Read read. The estimates are staged under the data's
// digest, which readers do not see; one transaction then publishes them with their areas
// and source and bumps the graph's version, and the rows of the release replaced are
// deleted after. A failed run leaves the published release as it was (its staged rows
// are cleared by the next run); the same data a second time changes nothing.
func (s *Store) ImportOEWS(ctx context.Context, d *oews.Data, progress Progress) error {
	if err := s.EnsureSchema(ctx); err != nil {
		return err
	}
	recs, err := s.readAll(ctx, oewsReleaseCypher, nil)
	if err != nil {
		return fmt.Errorf("store: oews: %w", err)
	}
	cur, _ := value[string](recs[0], "current")
	if cur == d.Release {
		return ErrUnchanged
	}
	if err := s.clearWages(ctx, "leftovers", oewsClearOthersCypher, map[string]any{"keep": cur}, progress); err != nil {
		return err
	}
	start, rows := time.Now(), wageRows(d)
	for i := 0; i < len(rows); i += oewsBatch {
		batch := rows[i:min(i+oewsBatch, len(rows))]
		err := s.schemaTx(ctx, func(tx neo4j.ManagedTransaction) error {
			return s.exec(ctx, tx, oewsStageCypher, map[string]any{"rows": batch, "release": d.Release})
		})
		if err != nil {
			return fmt.Errorf("store: oews estimates: %w", err)
		}
	}
	progress("estimates (staged)", len(rows), time.Since(start))
	start = time.Now()
	err = s.writeTx(ctx, func(tx neo4j.ManagedTransaction) error {
		src := []map[string]any{sourceRow(OEWSSource)}
		if err := s.exec(ctx, tx, importSourcesCypher, map[string]any{"rows": src}); err != nil {
			return err
		}
		return s.exec(ctx, tx, oewsPublishCypher, map[string]any{"areas": areaRows(d), "release": d.Release,
			"file": d.File, "source": OEWSSource.ID})
	})
	if err != nil {
		return fmt.Errorf("store: oews publish: %w", err)
	}
	progress("areas (published)", len(d.Areas), time.Since(start))
	return s.clearWages(ctx, "previous release", oewsClearReleaseCypher, map[string]any{"release": cur}, progress)
}

// clearWages runs a delete statement (wages, or the whole graph for Wipe) in batches until
// it deletes nothing.
func (s *Store) clearWages(ctx context.Context, step, cypher string, params map[string]any, progress Progress) error {
	if _, ok := params["limit"]; !ok {
		params["limit"] = oewsBatch
	}
	start, total := time.Now(), 0
	for {
		var n int64
		err := s.schemaTx(ctx, func(tx neo4j.ManagedTransaction) error {
			recs, err := s.fetch(ctx, tx, cypher, params)
			if err == nil && len(recs) == 1 {
				n, err = value[int64](recs[0], "rows")
			}
			return err
		})
		if err != nil {
			return fmt.Errorf("store: oews %s: %w", step, err)
		}
		total += int(n)
		if n == 0 {
			break
		}
	}
	if total > 0 {
		progress(step+" (deleted)", total, time.Since(start))
	}
	return nil
}

func wageRows(d *oews.Data) []map[string]any {
	out := make([]map[string]any, len(d.Estimates))
	for i, e := range d.Estimates {
		row := map[string]any{"area": e.Area, "soc": e.SOC, "title": e.Title, "group": e.Group, "figures": figures(e)}
		if len(e.TopCoded) > 0 {
			row["topCoded"] = e.TopCoded
		}
		if e.HourlyOnly {
			row["hourlyOnly"] = true
		}
		if e.AnnualOnly {
			row["annualOnly"] = true
		}
		out[i] = row
	}
	return out
}

// figures packs an estimate's numbers into one list in oews.Columns order, one property
// instead of seventeen (the import writes a quarter of a million estimates); a figure not
// released, or top-coded, is notReleased.
func figures(e oews.Estimate) []float64 {
	out := make([]float64, len(e.Figures))
	for i, v := range e.Figures {
		if math.IsNaN(v) {
			v = notReleased
		}
		out[i] = v
	}
	return out
}

// notReleased stands in a figures list for a figure BLS did not release or top-coded.
const notReleased = -1.0

func areaRows(d *oews.Data) []map[string]any {
	out := make([]map[string]any, 0, len(d.Areas))
	for _, a := range d.Areas {
		out = append(out, map[string]any{"id": a.ID, "name": a.Name, "type": a.Type, "state": a.State})
	}
	return out
}
