// The nodes of the internal ids $keys, as one list of [internal id, id, labels] (see
// planner_nodes.cypher): the ends of edges that planner_nodes.cypher's list did not hold,
// to report them.
MATCH (n) WHERE id(n) IN $keys
RETURN collect([id(n), n.id, labels(n)]) AS nodes
