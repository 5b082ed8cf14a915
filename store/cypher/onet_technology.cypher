// Technologies become skills of category TECHNOLOGY, used by occupations with O*NET's
// hot-technology and in-demand flags.
UNWIND $rows AS row
MATCH (r:Role {id: row.role}) WHERE r.origin = 'onet'
MERGE (s:Skill {id: row.skill})
ON CREATE SET s.origin = 'onet', s.category = 'TECHNOLOGY', s.sources = row.sources
SET s.name = row.name, s.description = row.description, s.commodityCode = row.commodityCode
MERGE (r)-[e:USES]->(s)
SET e.hot = row.hot, e.inDemand = row.inDemand, e.source = row.source
