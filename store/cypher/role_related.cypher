// O*NET's related occupations of each role, closest first.
UNWIND $ids AS key
MATCH (:Role {id: key})-[e:RELATED_TO]->(n:Role)
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, e.rank
