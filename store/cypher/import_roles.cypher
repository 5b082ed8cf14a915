UNWIND $rows AS row
MERGE (n:Role {id: row.id})
SET n = row
