// Importance (1..5) and level (0..7) of an element for an occupation.
UNWIND $rows AS row
MATCH (r:Role {id: row.role}) WHERE r.origin = 'onet'
MATCH (s:Skill {id: row.skill})
MERGE (r)-[e:REQUIRES]->(s)
SET e.importance = row.importance, e.level = row.level, e.source = row.source
