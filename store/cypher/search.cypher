// Full-text search over role titles (and alternate titles), skill and certification names.
CALL db.index.fulltext.queryNodes('careergraph_search', $query, {limit: $limit})
YIELD node, score
RETURN CASE WHEN node:Role THEN 'Role' WHEN node:Skill THEN 'Skill' ELSE 'Certification' END AS kind,
       node {.*} AS node, score
ORDER BY score DESC, node.id
