UNWIND $rows AS row
MERGE (n:Skill {id: row.id})
SET n = row
