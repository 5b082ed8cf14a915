// The nodes the planner's edges can end at, as one list of [element id, id, labels]:
// every role, skill and certification, and any node of another label that such an edge
// ends at (so that the edge can be reported). The planner's statements name an edge's
// end by element id, which Neo4j has without reading the node; the store looks it up here.
CALL {
  MATCH (n) WHERE n:Role OR n:Skill OR n:Certification
  RETURN n
  UNION
  MATCH (n) WHERE NOT (n:Role OR n:Skill OR n:Certification)
    AND EXISTS { (n)<-[:REQUIRES|VALUES|USES|CLASSIFIED_AS|PROGRESSES_TO|VALIDATES]-() }
  RETURN n
  UNION
  MATCH (n) WHERE NOT (n:Role OR n:Skill OR n:Certification) AND EXISTS { (n)-[:PREPARES_FOR]->() }
  RETURN n
}
RETURN collect([elementId(n), n.id, labels(n)]) AS nodes
