// Simple paths (no role twice) from $from to $to of at most MAX_STEPS moves, honouring the
// options, best first by $cost (YEARS: summed typical years, STEPS: number of moves),
// ties broken by the ids along the path. MAX_STEPS is replaced by a validated literal
// from 1..8 before the statement is sent; everything else is a parameter.
MATCH (a:Role {id: $from}), (b:Role {id: $to})
// Only roles that can still reach the target matter: finding them first (a pruned
// breadth-first search) keeps the enumeration below from wandering a large graph.
CALL {
  WITH b
  MATCH (x:Role)-[:PROGRESSES_TO*0..MAX_STEPS]->(b)
  RETURN collect(DISTINCT x.id) AS near
}
MATCH p = (a)(()-[r:PROGRESSES_TO WHERE NOT $promotionsOnly OR r.kind = 'PROMOTION']->
              (x:Role WHERE x.id IN near AND NOT x.id IN $avoid)){1,MAX_STEPS}(b)
WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  AND ($via IS NULL OR any(n IN nodes(p) WHERE n.id = $via))
WITH p,
     reduce(y = 0.0, e IN relationships(p) | y + e.typicalYears) AS years,
     reduce(k = '', n IN nodes(p) | k + n.id + '>') AS key
WITH p, years, key, CASE $cost WHEN 'YEARS' THEN years ELSE toFloat(length(p)) END AS cost
ORDER BY cost, key
LIMIT $limit
RETURN [n IN nodes(p) | n {.*}] AS roles, [e IN relationships(p) | e {.*}] AS moves
