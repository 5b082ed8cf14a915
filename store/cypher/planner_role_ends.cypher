// The nodes the edges of the roles $ids end at, as one list of [element id, id, labels]
// (see planner_nodes.cypher).
MATCH (r:Role)-[:REQUIRES|VALUES|USES|CLASSIFIED_AS|PROGRESSES_TO]->(n)
WHERE r.id IN $ids
WITH DISTINCT n
RETURN collect([elementId(n), n.id, labels(n)]) AS nodes
