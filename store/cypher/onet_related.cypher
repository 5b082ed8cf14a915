// Related occupations as directed edges with O*NET's tier and rank.
UNWIND $rows AS row
MATCH (a:Role {id: row.from}) WHERE a.origin = 'onet'
MATCH (b:Role {id: row.to}) WHERE b.origin = 'onet'
MERGE (a)-[e:RELATED_TO]->(b)
SET e.tier = row.tier, e.rank = row.rank, e.source = row.source
