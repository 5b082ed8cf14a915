// Every OEWS area.
MATCH (a:Area)
RETURN properties(a) AS area
