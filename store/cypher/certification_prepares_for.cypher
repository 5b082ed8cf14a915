// The certifications each certification prepares for.
UNWIND $ids AS key
MATCH (:Certification {id: key})-[e:PREPARES_FOR]->(n:Certification)
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, n.id
