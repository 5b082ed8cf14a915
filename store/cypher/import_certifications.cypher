UNWIND $rows AS row
MERGE (n:Certification {id: row.id})
SET n = row
