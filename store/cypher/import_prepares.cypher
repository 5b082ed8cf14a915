UNWIND $rows AS row
MATCH (a:Certification {id: row.from}), (b:Certification {id: row.to})
MERGE (a)-[:PREPARES_FOR]->(b)
