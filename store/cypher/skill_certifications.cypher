// The certifications that validate each skill.
UNWIND $ids AS key
MATCH (n:Certification)-[e:VALIDATES]->(:Skill {id: key})
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, n.id
