// Every role reachable from $from by simple paths of at most MAX_STEPS moves (and at
// most $withinYears summed typical years when given), with its shortest time, fewest
// moves and number of paths. MAX_STEPS is a validated literal from 1..8.
MATCH (a:Role {id: $from})
MATCH p = (a)(()-[r:PROGRESSES_TO WHERE NOT $promotionsOnly OR r.kind = 'PROMOTION']->
              (x:Role WHERE NOT x.id IN $avoid)){1,MAX_STEPS}(b)
WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH b, length(p) AS steps, reduce(y = 0.0, e IN relationships(p) | y + e.typicalYears) AS years
WHERE $withinYears IS NULL OR years <= $withinYears
WITH b, min(years) AS shortestYears, min(steps) AS fewestSteps, count(*) AS paths
RETURN b {.*} AS role, shortestYears, fewestSteps, paths
ORDER BY shortestYears, role.id
