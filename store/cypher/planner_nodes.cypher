// Every role, skill and certification, as one list of [element id, id, labels]: the ends
// the planner's edges should have. The planner's statements name an edge's end by element
// id, which Neo4j has without reading the node; the store looks it up here, and an end not
// here in planner_nodes_by_key.cypher.
MATCH (n) WHERE n:Role OR n:Skill OR n:Certification
RETURN collect([elementId(n), n.id, labels(n)]) AS nodes
