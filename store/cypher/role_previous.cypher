// The roles each role is typically reached from, quickest move first.
UNWIND $ids AS key
MATCH (n:Role)-[e:PROGRESSES_TO]->(:Role {id: key})
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, e.typicalYears, n.id
