// The OEWS release the service reads: the digest of the data last imported in full.
OPTIONAL MATCH (m:WageRelease {id: 'oews'})
RETURN coalesce(toStringOrNull(m.current), '') AS current
LIMIT 1
