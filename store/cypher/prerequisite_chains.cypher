// The certifications that prepare for each certification, and for those in turn, up to
// four steps back: for every certification on the chains, its direct prerequisites.
UNWIND $ids AS id
MATCH (:Certification {id: id})<-[:PREPARES_FOR*0..3]-(c:Certification)<-[e:PREPARES_FOR]-(n:Certification)
WITH DISTINCT c.id AS key, n, e
RETURN key, n {.*} AS node, e {.*} AS edge
ORDER BY key, n.id
