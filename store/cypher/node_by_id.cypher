CALL {
  MATCH (n:Role {id: $id}) RETURN 'Role' AS kind, n
  UNION
  MATCH (n:Skill {id: $id}) RETURN 'Skill' AS kind, n
  UNION
  MATCH (n:Certification {id: $id}) RETURN 'Certification' AS kind, n
}
RETURN kind, n {.*} AS node
