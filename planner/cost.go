package planner

import "context"

// ListBound is the longest a GraphQL list field without a first argument can be in the
// graph as it is: the most edges of that kind one node has, or the bound the planner
// keeps on its answers. The cost model prices nested lists with it, so a query's price
// follows the graph's real shape (a skill required by 870 occupations costs 870, not a
// guess). ok is false for fields it does not know. It waits for the first snapshot.
func (p *Planner) ListBound(ctx context.Context, typeName, field string) (n int, ok bool) {
	s, err := p.snapshot(ctx)
	if err != nil {
		return 0, false
	}
	return s.listBound(typeName, field)
}

func (s *snapshot) listBound(typeName, field string) (int, bool) {
	d := s.degrees
	var n int
	switch typeName + "." + field {
	case "Role.skills", "PathStep.skillsToGain", "SkillGap.skills",
		"RoleRecommendation.matchedSkills", "RoleRecommendation.missingSkills":
		n = d["roleSkills"]
	case "Role.certifications":
		n = d["roleCertifications"]
	case "Role.nextRoles":
		n = d["roleNext"]
	case "Role.previousRoles":
		n = d["rolePrevious"]
	case "Role.occupations":
		n = d["roleOccupations"]
	case "Role.relatedOccupations":
		n = d["roleRelated"]
	case "Role.technologies":
		n = d["roleTechnologies"]
	case "Role.sources":
		n = d["roleSources"]
	case "Skill.roles":
		n = d["skillRoles"]
	case "Skill.certifications", "SkillToGain.certifications", "SkillRecommendation.certifications":
		n = d["skillCertifications"]
	case "Skill.sources":
		n = d["skillSources"]
	case "Certification.validates", "GapClosing.closes", "CertificationRecommendation.closes":
		n = d["certificationSkills"]
	case "Certification.prerequisites":
		n = d["certificationPrerequisites"]
	case "Certification.preparesFor":
		n = d["certificationPreparesFor"]
	case "Certification.roles":
		n = d["certificationRoles"]
	case "Certification.sources":
		n = d["certificationSources"]
	case "CareerPaths.paths", "Recommendations.roles":
		n = 1 // the question's first already multiplied them
	case "CareerPath.roles":
		n = MaxPathSteps + 1
	case "CareerPath.steps":
		n = MaxPathSteps
	case "RoleRecommendation.sharedSkills":
		n = sharedSkillsShown
	case "ReachableRoles.roles":
		n = len(s.cands)
	case "SkillGap.certifications", "Recommendations.certifications", "GapClosing.takeFirst",
		"CertificationRecommendation.takeFirst":
		n = len(s.certs)
	case "Recommendations.skills":
		n = skillsToSuggest
	case "CertificationRecommendation.forRoles", "SkillRecommendation.forRoles":
		n = MaxRecommendations
	default:
		return 0, false
	}
	return max(n, 1), true
}
