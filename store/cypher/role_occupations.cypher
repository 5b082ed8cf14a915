// The O*NET occupations each curated role is classified as.
UNWIND $ids AS key
MATCH (:Role {id: key})-[e:CLASSIFIED_AS]->(n:Role)
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, n.socCode
