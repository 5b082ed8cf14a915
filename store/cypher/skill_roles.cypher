// The roles that require each skill, those that need it most first.
UNWIND $ids AS key
MATCH (n:Role)-[e:REQUIRES]->(:Skill {id: key})
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, e.importance DESC, e.level DESC, n.id
