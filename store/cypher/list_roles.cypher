// One page of roles matching the filters, with the total count. $text is lower-case.
// A track filter is a separate branch so that it seeks the track index instead of
// scanning every role.
CALL {
  MATCH (n:Role) WHERE $track IS NOT NULL AND n.track = $track RETURN n
  UNION
  MATCH (n:Role) WHERE $track IS NULL RETURN n
}
WITH n
WHERE ($level IS NULL OR n.level = $level)
  AND ($text IS NULL OR toLower(toStringOrNull(n.title)) CONTAINS $text
       OR toLower(coalesce(toStringOrNull(n.alternateTitlesText), '')) CONTAINS $text)
WITH n
ORDER BY
  // Roles without the sort value (no salary given) come last in either direction.
  CASE WHEN $sort = 'SALARY' THEN n.salaryMax IS NULL ELSE false END,
  CASE WHEN $sort = 'TITLE' AND NOT $desc THEN toLower(toStringOrNull(n.title)) END ASC,
  CASE WHEN $sort = 'TITLE' AND $desc THEN toLower(toStringOrNull(n.title)) END DESC,
  CASE WHEN $sort = 'LEVEL' AND NOT $desc THEN n.levelRank END ASC,
  CASE WHEN $sort = 'LEVEL' AND $desc THEN n.levelRank END DESC,
  CASE WHEN $sort = 'EXPERIENCE' AND NOT $desc THEN n.experienceMin END ASC,
  CASE WHEN $sort = 'EXPERIENCE' AND $desc THEN n.experienceMin END DESC,
  CASE WHEN $sort = 'SALARY' AND NOT $desc THEN n.salaryMax END ASC,
  CASE WHEN $sort = 'SALARY' AND $desc THEN n.salaryMax END DESC,
  n.id
WITH collect(n) AS matched
RETURN size(matched) AS total, [n IN matched[$skip..$skip + $limit] | n {.*}] AS nodes
