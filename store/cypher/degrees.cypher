// The most edges of each kind any one node has: what a nested list in a query can cost
// at worst. Counts come from Neo4j's degree store, so this is cheap on a large graph.
CALL {
  MATCH (r:Role)
  RETURN max(COUNT { (r)-[:REQUIRES]->() }) AS roleSkills,
         max(COUNT { (r)-[:VALUES]->() }) AS roleCertifications,
         max(COUNT { (r)-[:PROGRESSES_TO]->() }) AS roleNext,
         max(COUNT { (r)<-[:PROGRESSES_TO]-() }) AS rolePrevious,
         max(COUNT { (r)-[:CLASSIFIED_AS]->() }) AS roleOccupations,
         max(COUNT { (r)-[:RELATED_TO]->() }) AS roleRelated,
         max(COUNT { (r)-[:USES]->() }) AS roleTechnologies,
         max(size(coalesce(r.sources, []))) AS roleSources
}
CALL {
  MATCH (s:Skill)
  RETURN max(COUNT { (s)<-[:REQUIRES]-() }) AS skillRoles,
         max(COUNT { (s)<-[:VALIDATES]-() }) AS skillCertifications,
         max(size(coalesce(s.sources, []))) AS skillSources
}
CALL {
  MATCH (c:Certification)
  RETURN max(COUNT { (c)-[:VALIDATES]->() }) AS certificationSkills,
         max(COUNT { (c)<-[:PREPARES_FOR]-() }) AS certificationPrerequisites,
         max(COUNT { (c)-[:PREPARES_FOR]->() }) AS certificationPreparesFor,
         max(COUNT { (c)<-[:VALUES]-() }) AS certificationRoles,
         max(size(coalesce(c.sources, []))) AS certificationSources
}
RETURN {
  roleSkills: roleSkills, roleCertifications: roleCertifications, roleNext: roleNext,
  rolePrevious: rolePrevious, roleOccupations: roleOccupations, roleRelated: roleRelated,
  roleTechnologies: roleTechnologies, roleSources: roleSources, skillRoles: skillRoles,
  skillCertifications: skillCertifications, skillSources: skillSources,
  certificationSkills: certificationSkills, certificationPrerequisites: certificationPrerequisites,
  certificationPreparesFor: certificationPreparesFor, certificationRoles: certificationRoles,
  certificationSources: certificationSources
} AS degrees
