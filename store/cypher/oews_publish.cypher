// Makes a staged release the one readers see, with its areas, in one transaction.
UNWIND $areas AS row
MERGE (a:Area {id: row.id})
SET a = row
WITH collect(row.id) AS ids
OPTIONAL MATCH (old:Area)
WHERE NOT old.id IN ids
DETACH DELETE old
WITH DISTINCT 1 AS done
MERGE (m:WageRelease {id: 'oews'})
SET m.current = $release, m.file = $file, m.source = $source
