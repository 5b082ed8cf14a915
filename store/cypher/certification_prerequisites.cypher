// The certifications that prepare for each certification.
UNWIND $ids AS key
MATCH (n:Certification)-[e:PREPARES_FOR]->(:Certification {id: key})
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, n.id
