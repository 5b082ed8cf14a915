// The skill requirements of the given roles, or of every role when $ids is null, as
// parallel lists per role (far cheaper to send than a record per edge).
MATCH (r:Role) WHERE $ids IS NULL OR r.id IN $ids
CALL {
  WITH r
  MATCH (r)-[e:REQUIRES]->(s:Skill)
  RETURN collect(s.id) AS skills, collect(e.importance) AS importance, collect(e.level) AS levels
}
RETURN r.id AS role, skills, importance, levels
ORDER BY role
