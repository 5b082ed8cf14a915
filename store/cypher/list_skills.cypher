// One page of skills matching the filters, with the total count. $text is lower-case.
MATCH (n:Skill)
WHERE ($category IS NULL OR n.category = $category)
  AND ($text IS NULL OR toLower(toStringOrNull(n.name)) CONTAINS $text)
WITH n
ORDER BY
  CASE WHEN $sort = 'NAME' AND NOT $desc THEN toLower(toStringOrNull(n.name)) END ASC,
  CASE WHEN $sort = 'NAME' AND $desc THEN toLower(toStringOrNull(n.name)) END DESC,
  CASE WHEN $sort = 'CATEGORY' AND NOT $desc THEN n.category END ASC,
  CASE WHEN $sort = 'CATEGORY' AND $desc THEN n.category END DESC,
  n.id
WITH collect(n) AS matched
RETURN size(matched) AS total, [n IN matched[$skip..$skip + $limit] | n {.*}] AS nodes
