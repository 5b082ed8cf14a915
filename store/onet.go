package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/onet"
)

// onetBatch is the rows one O*NET write transaction carries.
const onetBatch = 5000

// ONetSource is the source every imported O*NET fact cites.
var ONetSource = domain.Source{ID: "onet-29-3", Title: "O*NET 29.3 Database (USDOL/ETA)",
	URL: "https://www.onetcenter.org/database.html", License: "CC BY 4.0"}

// Progress reports one finished step of an import: its name, the rows it wrote (for a
// derived step, the edges it merged or removed) and the time taken.
type Progress func(step string, rows int, took time.Duration)

// ImportONet writes what onet.Read read. Every statement merges on stable ids, so a
// second run changes nothing; nodes of other origins (the curated graph) are never
// changed. Batches commit one by one; since the data was checked before, a failure
// midway (Neo4j going away) is mended by running the import again.
func (s *Store) ImportONet(ctx context.Context, d *onet.Data, progress Progress) error {
	if err := s.EnsureSchema(ctx); err != nil {
		return err
	}
	src := map[string]any{"id": ONetSource.ID, "title": ONetSource.Title, "url": ONetSource.URL,
		"license": ONetSource.License, "attribution": onet.Attribution}
	if err := s.writeOne(ctx, importSourcesCypher, map[string]any{"rows": []map[string]any{src}}); err != nil {
		return fmt.Errorf("store: onet source: %w", err)
	}
	has := func(t string) bool { return slices.Contains(d.Tables, t) }
	steps := []struct {
		name, cypher string
		want         bool
		rows         func() []map[string]any
	}{
		{onet.Occupations, onetOccupationsCypher, has(onet.Occupations), func() []map[string]any { return occupationRows(d) }},
		{onet.JobZones, onetJobZonesCypher, has(onet.JobZones), func() []map[string]any { return jobZoneRows(d) }},
		{onet.Education, onetEducationCypher, has(onet.Education), func() []map[string]any { return educationRows(d) }},
		{onet.Titles, onetTitlesCypher, has(onet.Titles), func() []map[string]any { return titleRows(d) }},
		{"elements", onetElementsCypher, has(onet.Skills) || has(onet.Knowledge), func() []map[string]any { return elementRows(d) }},
		{"ratings", onetRatingsCypher, has(onet.Skills) || has(onet.Knowledge), func() []map[string]any { return ratingRows(d) }},
		{onet.Technology, onetTechnologyCypher, has(onet.Technology), func() []map[string]any { return techRows(d) }},
		{onet.Related, onetRelatedCypher, has(onet.Related), func() []map[string]any { return relatedRows(d) }},
	}
	for _, step := range steps {
		if !step.want {
			continue
		}
		start, rows := time.Now(), step.rows()
		for i := 0; i < len(rows); i += onetBatch {
			batch := rows[i:min(i+onetBatch, len(rows))]
			if err := s.writeOne(ctx, step.cypher, map[string]any{"rows": batch}); err != nil {
				return fmt.Errorf("store: onet %s: %w", step.name, err)
			}
		}
		progress(step.name, len(rows), time.Since(start))
	}
	for _, stmt := range []struct{ name, cypher string }{
		{"derived moves", onetProgressionsCypher}, {"links to curated roles", linkOccupationsCypher},
		{"old bridges", removeBridgesCypher}, {"bridges to curated roles", bridgeMovesCypher}} {
		start := time.Now()
		n, err := s.writeCount(ctx, stmt.cypher)
		if err != nil {
			return fmt.Errorf("store: onet %s: %w", stmt.name, err)
		}
		progress(stmt.name, n, time.Since(start))
	}
	return nil
}

var onetSources = []string{ONetSource.ID}

func occupationRows(d *onet.Data) []map[string]any {
	var out []map[string]any
	for _, o := range d.Occupations {
		if o.Title != "" {
			out = append(out, map[string]any{"id": onet.ID(o.Code), "title": o.Title, "summary": o.Description,
				"socCode": o.Code, "sources": onetSources})
		}
	}
	return out
}

// jobZoneLevels maps an O*NET job zone to a seniority and a typical experience range.
var jobZoneLevels = map[int]struct {
	level    string
	min, max float64 // max < 0: open-ended
}{
	1: {"ENTRY", 0, 1}, 2: {"JUNIOR", 0, 2}, 3: {"MID", 1, 4}, 4: {"SENIOR", 2, 6}, 5: {"LEAD", 5, -1},
}

func jobZoneRows(d *onet.Data) []map[string]any {
	var out []map[string]any
	for _, o := range d.Occupations {
		z, ok := jobZoneLevels[o.JobZone]
		if !ok {
			continue
		}
		row := map[string]any{"id": onet.ID(o.Code), "jobZone": o.JobZone, "level": z.level,
			"levelRank": domain.LevelRank(z.level), "experienceMin": z.min, "experienceMax": nil}
		if z.max >= 0 {
			row["experienceMax"] = z.max
		}
		out = append(out, row)
	}
	return out
}

func educationRows(d *onet.Data) []map[string]any {
	var out []map[string]any
	for _, o := range d.Occupations {
		if o.Education != "" {
			out = append(out, map[string]any{"id": onet.ID(o.Code), "education": o.Education})
		}
	}
	return out
}

func titleRows(d *onet.Data) []map[string]any {
	var out []map[string]any
	for _, o := range d.Occupations {
		if len(o.AlternateTitles) > 0 {
			out = append(out, map[string]any{"id": onet.ID(o.Code), "titles": o.AlternateTitles,
				"text": strings.Join(o.AlternateTitles, " | ")})
		}
	}
	return out
}

func elementRows(d *onet.Data) []map[string]any {
	var out []map[string]any
	for _, e := range d.Elements {
		cat := "GENERAL_SKILL"
		if e.Kind == onet.Knowledge {
			cat = "KNOWLEDGE"
		}
		out = append(out, map[string]any{"id": onet.ElementID(e.ID), "name": e.Name, "category": cat,
			"description": e.Description, "elementId": e.ID, "sources": onetSources})
	}
	return out
}

func ratingRows(d *onet.Data) []map[string]any {
	out := make([]map[string]any, len(d.Ratings))
	for i, r := range d.Ratings {
		out[i] = map[string]any{"role": onet.ID(r.Code), "skill": onet.ElementID(r.ElementID),
			"importance": r.Importance, "level": r.Level, "source": ONetSource.ID}
	}
	return out
}

func techRows(d *onet.Data) []map[string]any {
	out := make([]map[string]any, len(d.Tech))
	for i, t := range d.Tech {
		out[i] = map[string]any{"role": onet.ID(t.Code), "skill": onet.TechID(t.Example), "name": t.Example,
			"description": t.CommodityTitle, "commodityCode": t.CommodityCode, "hot": t.Hot, "inDemand": t.InDemand,
			"sources": onetSources, "source": ONetSource.ID}
	}
	return out
}

func relatedRows(d *onet.Data) []map[string]any {
	out := make([]map[string]any, len(d.Related))
	for i, r := range d.Related {
		out[i] = map[string]any{"from": onet.ID(r.From), "to": onet.ID(r.To), "tier": r.Tier, "rank": r.Rank,
			"source": ONetSource.ID}
	}
	return out
}
