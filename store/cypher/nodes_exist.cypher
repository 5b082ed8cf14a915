// Which of the given ids name a role, skill or certification, with the label and origin.
UNWIND $ids AS id
CALL {
  WITH id MATCH (n:Role {id: id}) RETURN n
  UNION
  WITH id MATCH (n:Skill {id: id}) RETURN n
  UNION
  WITH id MATCH (n:Certification {id: id}) RETURN n
}
RETURN id, labels(n)[0] AS label, n.origin AS origin
