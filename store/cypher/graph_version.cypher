OPTIONAL MATCH (m:CareerGraphMeta {id: 'graph'})
RETURN coalesce(m.version, '') AS version
