// Alternate and reported titles, searchable through the full-text index.
UNWIND $rows AS row
MATCH (n:Role {id: row.id}) WHERE n.origin = 'onet'
SET n.alternateTitles = row.titles, n.alternateTitlesText = row.text
