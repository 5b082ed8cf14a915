UNWIND $ids AS id
MATCH (n:Role {id: id})
RETURN n {.*} AS node
