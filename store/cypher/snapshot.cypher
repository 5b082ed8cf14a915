// Every node and edge of the career graph with its properties, for comparing graphs.
CALL {
  MATCH (n) WHERE n:Role OR n:Skill OR n:Certification OR n:Source
  RETURN labels(n)[0] + ' ' + n.id AS key, properties(n) AS props
  UNION ALL
  MATCH (a)-[e:REQUIRES|VALUES|PROGRESSES_TO|VALIDATES|PREPARES_FOR|CLASSIFIED_AS|USES|RELATED_TO]->(b)
  RETURN type(e) + ' ' + a.id + ' ' + b.id AS key, properties(e) AS props
}
RETURN key, props ORDER BY key
