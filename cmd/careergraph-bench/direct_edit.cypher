// An edit made straight in Neo4j, as an ETL job or cypher-shell would: one requirement's
// importance of the role $role (the first by element id), set to $importance, returning
// what it was. The service's version is not bumped, so only the fingerprint tells.
MATCH (:Role {id: $role})-[e:REQUIRES]->()
WITH e ORDER BY elementId(e) LIMIT 1
WITH e, e.importance AS was
SET e.importance = $importance
RETURN was
