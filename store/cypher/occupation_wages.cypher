// Every area's estimate of the current OEWS release for one SOC code, with its area.
MATCH (m:WageRelease {id: 'oews'})
MATCH (w:Wage {soc: $soc})
WHERE w.release = m.current
OPTIONAL MATCH (a:Area {id: w.area})
RETURN properties(w) AS wage, properties(a) AS area
