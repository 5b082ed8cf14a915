// Deletes up to $limit wage estimates of any release but $keep: the staged rows a failed
// import left behind.
MATCH (w:Wage)
WHERE w.release IS NULL OR w.release <> $keep
WITH w LIMIT $limit
DETACH DELETE w
RETURN count(*) AS rows
