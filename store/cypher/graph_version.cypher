// The graph's version, changed by every write of the service (see bump_version.cypher),
// with the version before it and what that write changed. A version that is not text (an
// edit made by hand) reads as its text form, never as an error; what changed is checked
// by the store. Also how many roles the graph holds, from Neo4j's counts.
OPTIONAL MATCH (m:CareerGraphMeta {id: 'graph'})
RETURN coalesce(toStringOrNull(m.version), '') AS version, toStringOrNull(m.previous) AS previous,
       m.changedRoles AS roles, m.changedCatalog AS catalog, COUNT { (:Role) } AS roleCount
LIMIT 1
