// Every role with its skill requirements and the certifications it values: what the
// recommender scores, in one statement.
MATCH (r:Role)
RETURN r {.*} AS role,
       COLLECT { MATCH (r)-[e:REQUIRES]->(s:Skill)
                 RETURN {skill: s.id, importance: e.importance, level: e.level} } AS requires,
       COLLECT { MATCH (r)-[e:VALUES]->(c:Certification)
                 RETURN {certification: c.id, relevance: e.relevance} } AS values
ORDER BY r.id
