// One page of certifications matching the filters, with the total count. $text is lower-case.
MATCH (n:Certification)
WHERE ($vendor IS NULL OR toLower(toStringOrNull(n.vendor)) = $vendor)
  AND ($level IS NULL OR n.level = $level)
  AND ($text IS NULL OR toLower(toStringOrNull(n.name)) CONTAINS $text OR toLower(toStringOrNull(n.domain)) CONTAINS $text)
WITH n
ORDER BY
  CASE WHEN $sort = 'NAME' AND NOT $desc THEN toLower(toStringOrNull(n.name)) END ASC,
  CASE WHEN $sort = 'NAME' AND $desc THEN toLower(toStringOrNull(n.name)) END DESC,
  CASE WHEN $sort = 'LEVEL' AND NOT $desc THEN n.levelRank END ASC,
  CASE WHEN $sort = 'LEVEL' AND $desc THEN n.levelRank END DESC,
  CASE WHEN $sort = 'VENDOR' AND NOT $desc THEN toLower(toStringOrNull(n.vendor)) END ASC,
  CASE WHEN $sort = 'VENDOR' AND $desc THEN toLower(toStringOrNull(n.vendor)) END DESC,
  n.id
WITH collect(n) AS matched
RETURN size(matched) AS total, [n IN matched[$skip..$skip + $limit] | n {.*}] AS nodes
