// The skills each role requires, most important first.
UNWIND $ids AS key
MATCH (:Role {id: key})-[e:REQUIRES]->(n:Skill)
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, e.importance DESC, e.level DESC, n.id
