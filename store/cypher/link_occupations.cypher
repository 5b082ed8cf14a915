// Curated roles point at the O*NET occupations they are classified as (their socCodes).
// Run after either import, so the links appear whichever comes first, and stale links go.
MATCH (r:Role) WHERE r.origin = 'curated'
OPTIONAL MATCH (r)-[old:CLASSIFIED_AS]->(o:Role) WHERE NOT o.socCode IN coalesce(r.socCodes, [])
DELETE old
WITH DISTINCT r
UNWIND coalesce(r.socCodes, []) AS code
MATCH (o:Role {socCode: code}) WHERE o.origin = 'onet'
MERGE (r)-[:CLASSIFIED_AS]->(o)

RETURN count(*) AS rows
