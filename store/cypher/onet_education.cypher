UNWIND $rows AS row
MATCH (n:Role {id: row.id}) WHERE n.origin = 'onet'
SET n.education = row.education
