// The graph's version, changed by every write of the service (see bump_version.cypher).
// A version that is not text (an edit made by hand) reads as its text form, never as an error.
OPTIONAL MATCH (m:CareerGraphMeta {id: 'graph'})
RETURN coalesce(toStringOrNull(m.version), '') AS version
LIMIT 1
