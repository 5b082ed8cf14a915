// Removes up to $limit nodes of the career graph, and only those, with their edges. Tests
// use it, over and over until it removes none, to start clean.
MATCH (n) WHERE n:Role OR n:Skill OR n:Certification OR n:Source OR n:Wage OR n:Area OR n:WageRelease
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS rows
