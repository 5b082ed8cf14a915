// The roles that value each certification, those that require it first.
UNWIND $ids AS key
MATCH (n:Role)-[e:VALUES]->(:Certification {id: key})
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, CASE e.relevance WHEN 'REQUIRED' THEN 0 WHEN 'PREFERRED' THEN 1 ELSE 2 END, n.id
