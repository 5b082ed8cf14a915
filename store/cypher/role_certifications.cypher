// The certifications each role values, required ones first.
UNWIND $ids AS key
MATCH (:Role {id: key})-[e:VALUES]->(n:Certification)
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, CASE e.relevance WHEN 'REQUIRED' THEN 0 WHEN 'PREFERRED' THEN 1 ELSE 2 END, n.id
