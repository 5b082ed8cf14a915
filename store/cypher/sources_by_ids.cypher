UNWIND $ids AS id
MATCH (n:Source {id: id})
RETURN n {.*} AS node
