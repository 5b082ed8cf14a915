// Every certification with the skills it validates and the certifications that prepare
// for it, for the planner's certification advice. Each edge is a list of its other end's
// element id (see planner_nodes.cypher).
MATCH (c:Certification)
RETURN c {.*} AS node,
       [(c)-[:VALIDATES]->(s) | [elementId(s)]] AS validates,
       [(p)-[:PREPARES_FOR]->(c) | [elementId(p)]] AS prerequisites
ORDER BY c.id
