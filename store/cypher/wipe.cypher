// Removes every node of the career graph, and only those. Tests use it to start clean.
MATCH (n) WHERE n:Role OR n:Skill OR n:Certification OR n:Source OR n:Wage OR n:Area OR n:WageRelease
DETACH DELETE n
