// The roles each role typically leads to, quickest move first.
UNWIND $ids AS key
MATCH (:Role {id: key})-[e:PROGRESSES_TO]->(n:Role)
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, e.typicalYears, n.id
