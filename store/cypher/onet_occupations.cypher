// O*NET occupations become roles (origin 'onet'). The id prefix keeps them apart from
// curated roles, and the origin check means an import never changes a curated node.
UNWIND $rows AS row
MERGE (n:Role {id: row.id})
ON CREATE SET n.origin = 'onet', n.alternateTitles = [], n.alternateTitlesText = '', n.duties = [],
              n.level = 'MID', n.levelRank = 3, n.experienceMin = 0.0
WITH n, row WHERE n.origin = 'onet'
SET n.title = row.title, n.summary = row.summary, n.socCode = row.socCode, n.track = 'GENERAL',
    n.sources = row.sources
