// Makes the curated part of the graph match the dataset file: curated nodes the file no
// longer lists go, and so do edges out of curated nodes that the file no longer lists.
// $keep holds "TYPE from to" keys for every edge in the file.
CALL {
  MATCH (n) WHERE n.origin = 'curated' AND (n:Role OR n:Skill OR n:Certification)
    AND NOT n.id IN $ids
  DETACH DELETE n
}
CALL {
  MATCH (a)-[e:REQUIRES|VALUES|PROGRESSES_TO|VALIDATES|PREPARES_FOR]->(b)
  WHERE a.origin = 'curated' AND NOT type(e) + ' ' + a.id + ' ' + b.id IN $keep
  DELETE e
}
