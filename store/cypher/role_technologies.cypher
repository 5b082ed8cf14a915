// The technologies each role uses, hot and in-demand ones first.
UNWIND $ids AS key
MATCH (:Role {id: key})-[e:USES]->(n:Skill)
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, e.hot DESC, e.inDemand DESC, n.name
