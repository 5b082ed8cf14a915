// O*NET skills and knowledge areas become skills (origin 'onet').
UNWIND $rows AS row
MERGE (s:Skill {id: row.id})
ON CREATE SET s.origin = 'onet'
WITH s, row WHERE s.origin = 'onet'
SET s.name = row.name, s.category = row.category, s.description = row.description,
    s.elementId = row.elementId, s.sources = row.sources
