// Bridges between the curated ladder and O*NET: a curated role may move where the
// occupations it is classified as have derived moves to, and an occupation with a derived
// move into one of those may move into the curated role. A bridge never goes down in
// level, keeps the occupation move's typical years and source, and is marked derived.
CALL {
  MATCH (r:Role {origin: 'curated'})-[:CLASSIFIED_AS]->(:Role)-[m:PROGRESSES_TO {derived: true}]->(x:Role)
  WHERE x.origin = 'onet' AND NOT (r)-[:CLASSIFIED_AS]->(x) AND x.levelRank >= r.levelRank
  RETURN r AS a, x AS b, min(m.typicalYears) AS years, min(m.source) AS source
  UNION
  MATCH (y:Role)-[m:PROGRESSES_TO {derived: true}]->(:Role)<-[:CLASSIFIED_AS]-(r:Role {origin: 'curated'})
  WHERE y.origin = 'onet' AND NOT (r)-[:CLASSIFIED_AS]->(y) AND r.levelRank >= y.levelRank
  RETURN y AS a, r AS b, min(m.typicalYears) AS years, min(m.source) AS source
}
WITH a, b, min(years) AS years, min(source) AS source
WHERE NOT (a)-[:PROGRESSES_TO]->(b)
CREATE (a)-[:PROGRESSES_TO {kind: CASE WHEN b.levelRank > a.levelRank THEN 'PROMOTION' ELSE 'LATERAL' END,
                            typicalYears: years, source: source, derived: true, bridge: true}]->(b)

RETURN count(*) AS rows
