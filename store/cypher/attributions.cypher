// Sources whose data is in the graph and whose licence asks for an attribution.
MATCH (s:Source) WHERE s.attribution IS NOT NULL AND s.attribution <> ''
RETURN s {.*} AS node
ORDER BY s.id
