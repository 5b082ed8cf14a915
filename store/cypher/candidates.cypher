// Every role with what the planner keeps in memory, in one statement: its skill
// requirements, the certifications it values, the technologies it uses, the O*NET
// occupations a curated role is classified as, and its career moves (derived ones
// included; the held-out evaluation deletes those before it asks anything).
// Each edge is one list of its end's id, whether the end has the label the edge type
// joins, and the edge's properties, nulls kept in place, so that the store can check
// every edge on its own. Related occupations are not read: recommendations are measured
// against them. $ids, when not null, reads those roles only. Unordered, so that Neo4j streams
// the roles as it reads them instead of holding them all for a sort; the store sorts them.
MATCH (r:Role)
WHERE $ids IS NULL OR r.id IN $ids
RETURN r {.*} AS role,
       COLLECT { MATCH (r)-[e:REQUIRES]->(s) RETURN [s.id, CASE WHEN s:Skill THEN true ELSE labels(s) END, e.importance, e.level] } AS requires,
       COLLECT { MATCH (r)-[e:VALUES]->(c) RETURN [c.id, CASE WHEN c:Certification THEN true ELSE labels(c) END, e.relevance] } AS values,
       COLLECT { MATCH (r)-[:USES]->(t) RETURN [t.id, CASE WHEN t:Skill THEN true ELSE labels(t) END] } AS tech,
       COLLECT { MATCH (r)-[:CLASSIFIED_AS]->(o) RETURN [o.id, CASE WHEN o:Role THEN true ELSE labels(o) END] } AS classifiedAs,
       COLLECT { MATCH (r)-[e:PROGRESSES_TO]->(t)
                 RETURN [t.id, CASE WHEN t:Role THEN true ELSE labels(t) END, e.kind, e.typicalYears, e.source] } AS moves
