// The skills each certification validates.
UNWIND $ids AS key
MATCH (:Certification {id: key})-[e:VALIDATES]->(n:Skill)
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, n.id
