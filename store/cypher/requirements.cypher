// The skill requirements of the given roles, or of every role when $ids is null.
MATCH (r:Role)-[e:REQUIRES]->(s:Skill)
WHERE $ids IS NULL OR r.id IN $ids
RETURN r.id AS role, s.id AS skill, e.importance AS importance, e.level AS level
ORDER BY role, skill
