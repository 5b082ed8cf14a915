// Deletes one role and its edges, unless it was imported from O*NET.
MATCH (n:Role {id: $id})
WITH n, n.origin = 'onet' AS readOnly
CALL { WITH n, readOnly WITH n WHERE NOT readOnly DETACH DELETE n }
RETURN readOnly
