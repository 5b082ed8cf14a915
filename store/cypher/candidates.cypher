// Every role with its skill requirements and the certifications it values: what the
// planner keeps in memory, in one statement. Requirements come as parallel lists.
MATCH (r:Role)
CALL {
  WITH r
  MATCH (r)-[e:REQUIRES]->(s:Skill)
  RETURN collect(s.id) AS skills, collect(e.importance) AS importance, collect(e.level) AS levels
}
RETURN r {.*} AS role,
       skills, importance, levels,
       COLLECT { MATCH (r)-[e:VALUES]->(c:Certification) RETURN c.id + ' ' + e.relevance } AS values
ORDER BY r.id
