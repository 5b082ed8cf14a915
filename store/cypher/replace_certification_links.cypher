// Replaces a certification's VALIDATES and PREPARES_FOR edges with the given lists.
MATCH (c:Certification {id: $id})
OPTIONAL MATCH (c)-[old:VALIDATES|PREPARES_FOR]->()
DELETE old
WITH DISTINCT c
CALL {
  WITH c
  UNWIND $validates AS sid
  MATCH (s:Skill {id: sid})
  MERGE (c)-[:VALIDATES]->(s)
}
CALL {
  WITH c
  UNWIND $preparesFor AS cid
  MATCH (o:Certification {id: cid})
  MERGE (c)-[:PREPARES_FOR]->(o)
}
RETURN c.id AS id
