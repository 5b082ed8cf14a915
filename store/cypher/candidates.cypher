// Every role with its skill requirements and the certifications it values: what the
// recommender scores, in one statement. Only the properties scoring needs are sent (not
// alternate titles); requirements come as parallel lists.
MATCH (r:Role)
CALL {
  WITH r
  MATCH (r)-[e:REQUIRES]->(s:Skill)
  RETURN collect(s.id) AS skills, collect(e.importance) AS importance, collect(e.level) AS levels
}
RETURN r {.id, .title, .track, .level, .experienceMin, .experienceMax, .salaryMin, .salaryMax,
          .salaryCurrency, .salarySource, .salaryNote, .sources} AS role,
       skills, importance, levels,
       COLLECT { MATCH (r)-[e:VALUES]->(c:Certification) RETURN c.id + ' ' + e.relevance } AS values
ORDER BY r.id
