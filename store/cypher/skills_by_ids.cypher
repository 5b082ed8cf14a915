UNWIND $ids AS id
MATCH (n:Skill {id: id})
RETURN n {.*} AS node
