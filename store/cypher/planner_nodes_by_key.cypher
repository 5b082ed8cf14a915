// The nodes of the element ids $keys, as one list of [element id, id, labels] (see
// planner_nodes.cypher): the ends of edges that planner_nodes.cypher's list did not hold,
// to report them.
MATCH (n) WHERE elementId(n) IN $keys
RETURN collect([elementId(n), n.id, labels(n)]) AS nodes
