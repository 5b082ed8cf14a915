UNWIND $ids AS id
MATCH (n:Certification {id: id})
RETURN n {.*} AS node
