// Every certification with the skills it validates and the certifications that prepare
// for it, for the planner's certification advice.
MATCH (c:Certification)
RETURN c {.*} AS node,
       COLLECT { MATCH (c)-[:VALIDATES]->(s:Skill) RETURN s.id } AS validates,
       COLLECT { MATCH (p:Certification)-[:PREPARES_FOR]->(c) RETURN p.id } AS prerequisites
ORDER BY c.id
