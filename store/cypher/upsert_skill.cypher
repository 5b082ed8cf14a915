// Creates or updates one skill from the curator API. Nodes imported from O*NET are
// read-only: for them no row comes back.
MERGE (n:Skill {id: $row.id})
ON CREATE SET n.origin = 'curated-api'
WITH n
WHERE n.origin <> 'onet'
SET n += $row
RETURN n {.*} AS node
