// Every role with what the planner keeps in memory, in one statement: its skill
// requirements, the certifications it values, the technologies it uses, the O*NET
// occupations a curated role is classified as, and its career moves (derived ones
// included; the held-out evaluation deletes those before it asks anything).
// Each edge is one list of its end's element id and the edge's properties, nulls kept in
// place, so that the store can check every edge on its own; the store finds the end's id
// and labels in planner_nodes.cypher's list (reading them here, once per edge, took most
// of this statement's time). Related occupations are not read: recommendations are
// measured against them. $ids, when not null, reads those roles only; $from and $below,
// when not null, the roles from one id up to another (a full read in parts): a role whose
// id is not text or is missing falls in the part without a lower bound, to be reported.
// Unordered, so that Neo4j streams the roles as it reads them instead of holding them all
// for a sort; the store sorts them.
MATCH (r:Role)
WHERE ($ids IS NULL OR r.id IN $ids)
  AND ($from IS NULL OR coalesce(r.id >= $from, false))
  AND ($below IS NULL OR NOT coalesce(r.id >= $below, false))
RETURN r {.*} AS role,
       [(r)-[e:REQUIRES]->(s) | [elementId(s), e.importance, e.level]] AS requires,
       [(r)-[e:VALUES]->(c) | [elementId(c), e.relevance]] AS values,
       [(r)-[:USES]->(t) | [elementId(t)]] AS tech,
       [(r)-[:CLASSIFIED_AS]->(o) | [elementId(o)]] AS classifiedAs,
       [(r)-[e:PROGRESSES_TO]->(t) | [elementId(t), e.kind, e.typicalYears, e.source]] AS moves
