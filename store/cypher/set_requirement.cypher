MATCH (r:Role {id: $row.role}), (s:Skill {id: $row.skill})
MERGE (r)-[e:REQUIRES]->(s)
SET e.importance = $row.importance, e.level = $row.level, e.source = $row.source
