// Marks the graph as changed, so caches built from it are rebuilt, and records what
// changed so that they can patch themselves instead: the roles whose records changed
// ($roles; null when the change cannot be told role by role) and whether skills or
// certifications did ($catalog). The version replaced stays as previous, so a reader
// knows whether this change is the only one since what it holds.
MERGE (m:CareerGraphMeta {id: 'graph'})
SET m.previous = m.version, m.version = randomUUID(), m.changedRoles = $roles, m.changedCatalog = $catalog
