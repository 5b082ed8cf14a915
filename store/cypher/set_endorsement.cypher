MATCH (r:Role {id: $row.role}), (c:Certification {id: $row.certification})
MERGE (r)-[e:VALUES]->(c)
SET e.relevance = $row.relevance, e.source = $row.source
