// Deletes up to $limit wage estimates of one release: the one an import replaced.
MATCH (w:Wage {release: $release})
WITH w LIMIT $limit
DETACH DELETE w
RETURN count(*) AS rows
