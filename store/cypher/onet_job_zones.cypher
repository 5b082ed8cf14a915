// Job zones, and the seniority and experience derived from them.
UNWIND $rows AS row
MATCH (n:Role {id: row.id}) WHERE n.origin = 'onet'
SET n.jobZone = row.jobZone, n.level = row.level, n.levelRank = row.levelRank,
    n.experienceMin = row.experienceMin, n.experienceMax = row.experienceMax
