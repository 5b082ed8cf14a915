// Every estimate of the current OEWS release in one area, with the area.
MATCH (m:WageRelease {id: 'oews'})
MATCH (a:Area {id: $area})
OPTIONAL MATCH (w:Wage {area: $area})
WHERE w.release = m.current
RETURN properties(a) AS area, collect(properties(w)) AS wages
LIMIT 1
