// Every role with what the planner keeps in memory, in one statement: its skill
// requirements (as parallel lists), the certifications it values, the technologies it
// uses, the O*NET occupations a curated role is classified as, and its career moves
// (derived ones included; the held-out evaluation deletes those before it asks anything).
// Related occupations are not read: recommendations are measured against them.
MATCH (r:Role)
CALL {
  WITH r
  MATCH (r)-[e:REQUIRES]->(s:Skill)
  RETURN collect(s.id) AS skills, collect(e.importance) AS importance, collect(e.level) AS levels
}
RETURN r {.*} AS role, r.origin = 'onet' AS occupation,
       skills, importance, levels,
       COLLECT { MATCH (r)-[e:VALUES]->(c:Certification) RETURN c.id + ' ' + e.relevance } AS values,
       COLLECT { MATCH (r)-[:USES]->(t:Skill) RETURN t.id } AS tech,
       COLLECT { MATCH (r)-[:CLASSIFIED_AS]->(o:Role) RETURN o.id } AS classifiedAs,
       COLLECT { MATCH (r)-[e:PROGRESSES_TO]->(t:Role)
                 RETURN [t.id, e.kind, toString(e.typicalYears), coalesce(e.source, '')] } AS moves
ORDER BY r.id
