// Every role, skill and certification, as one list of [internal id, id, labels]: the ends
// the planner's edges should have. The planner's statements name an edge's end by its
// internal id, which Neo4j has without reading the node; the store looks it up here, and
// an end not here in planner_nodes_by_key.cypher. id() is deprecated in Neo4j 5 in favour
// of elementId(), whose text form made the full read of a graph ten times O*NET's take
// 2.3 s against 1.3 s with these integers (BENCHMARKS.md); within one read both name a
// node alike.
MATCH (n) WHERE n:Role OR n:Skill OR n:Certification
RETURN collect([id(n), n.id, labels(n)]) AS nodes
