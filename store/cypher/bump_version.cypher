// Marks the graph as changed, so caches built from it are rebuilt.
MERGE (m:CareerGraphMeta {id: 'graph'})
SET m.version = randomUUID()
