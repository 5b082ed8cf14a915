// Removes up to $limit edges of the career graph's nodes; Wipe runs it until it removes
// none, then wipe.cypher removes the nodes.
MATCH (n)-[r]-()
WHERE n:Role OR n:Skill OR n:Certification OR n:Source OR n:Wage OR n:Area OR n:WageRelease
WITH DISTINCT r LIMIT $limit
DELETE r
RETURN count(*) AS rows
