MATCH (a:Role {id: $row.from}), (b:Role {id: $row.to})
MERGE (a)-[e:PROGRESSES_TO]->(b)
SET e.typicalYears = $row.typicalYears, e.kind = $row.kind, e.source = $row.source, e.derived = null
