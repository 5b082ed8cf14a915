// Where no curated move exists, career moves between O*NET occupations are derived from
// their closest relations (tier Primary-Short) and job zones: a higher zone is a
// promotion, the same zone a lateral move; moves down a zone are not offered. Typical
// years: 2 for a lateral move, 3 per zone climbed.
MATCH (a:Role)-[rel:RELATED_TO {tier: 'Primary-Short'}]->(b:Role)
WHERE a.origin = 'onet' AND b.origin = 'onet' AND a.jobZone IS NOT NULL AND b.jobZone IS NOT NULL
  AND b.jobZone >= a.jobZone
MERGE (a)-[e:PROGRESSES_TO]->(b)
SET e.kind = CASE WHEN b.jobZone > a.jobZone THEN 'PROMOTION' ELSE 'LATERAL' END,
    e.typicalYears = CASE WHEN b.jobZone > a.jobZone THEN 3.0 * (b.jobZone - a.jobZone) ELSE 2.0 END,
    e.source = rel.source, e.derived = true

RETURN count(*) AS rows
