UNWIND $rows AS row
MATCH (c:Certification {id: row.from}), (s:Skill {id: row.to})
MERGE (c)-[:VALIDATES]->(s)
