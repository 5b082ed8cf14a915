// Every certification with the skills it validates and the certifications that prepare
// for it, for the planner's certification advice. Each edge is a list of its other end's
// id and whether that end has the label the edge type joins.
MATCH (c:Certification)
RETURN c {.*} AS node,
       COLLECT { MATCH (c)-[:VALIDATES]->(s) RETURN [s.id, CASE WHEN s:Skill THEN true ELSE labels(s) END] } AS validates,
       COLLECT { MATCH (p)-[:PREPARES_FOR]->(c) RETURN [p.id, CASE WHEN p:Certification THEN true ELSE labels(p) END] } AS prerequisites
ORDER BY c.id
