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

// degreeOf names, for each list field, the degree statistic (cypher/degrees.cypher)
// that bounds it.
var degreeOf = map[string]string{
	"Role.skills": "roleSkills", "PathStep.skillsToGain": "roleSkills", "SkillGap.skills": "roleSkills",
	"RoleRecommendation.matchedSkills": "roleSkills", "RoleRecommendation.missingSkills": "roleSkills",
	"Role.certifications": "roleCertifications", "Role.nextRoles": "roleNext", "Role.previousRoles": "rolePrevious",
	"Role.occupations": "roleOccupations", "Role.relatedOccupations": "roleRelated",
	"Role.technologies": "roleTechnologies", "Role.sources": "roleSources",
	"Skill.roles": "skillRoles", "Skill.sources": "skillSources", "Skill.certifications": "skillCertifications",
	"SkillToGain.certifications": "skillCertifications", "SkillRecommendation.certifications": "skillCertifications",
	"Certification.validates": "certificationSkills", "GapClosing.closes": "certificationSkills",
	"CertificationRecommendation.closes": "certificationSkills",
	"Certification.prerequisites":        "certificationPrerequisites", "Certification.preparesFor": "certificationPreparesFor",
	"Certification.roles": "certificationRoles", "Certification.sources": "certificationSources",
}

// fixedBound is the bound of list fields the planner's own limits bound.
var fixedBound = map[string]int{
	"CareerPaths.paths": 1, "Recommendations.roles": 1, // the question's first already multiplied them
	"CareerPath.roles": MaxPathSteps + 1, "CareerPath.steps": MaxPathSteps,
	"RoleRecommendation.sharedSkills": sharedSkillsShown, "Recommendations.skills": skillsToSuggest,
	"CertificationRecommendation.forRoles": MaxRecommendations, "SkillRecommendation.forRoles": MaxRecommendations,
	"TitleMatches.matches": MaxTitleFirst, "TitleMatch.words": 1, // words come with the match, as one value
	// what a text names: priced for a long résumé's worth, as its length is not known here
	"SkillsFromText.skills": mentionsPriced, "SkillsFromText.certifications": mentionsPriced,
	"Start.skillsFromText": mentionsPriced, "Start.certificationsFromText": mentionsPriced,
}

// mentionsPriced is how many mentions of skills or certifications a text is priced for.
const mentionsPriced = 100

func (s *snapshot) listBound(typeName, field string) (int, bool) {
	key := typeName + "." + field
	n, ok := fixedBound[key]
	switch {
	case ok:
	case key == "ReachableRoles.roles":
		n = len(s.cands)
	case key == "SkillGap.certifications" || key == "Recommendations.certifications" ||
		key == "GapClosing.takeFirst" || key == "CertificationRecommendation.takeFirst":
		n = len(s.certs)
	default:
		stat, known := degreeOf[key]
		if !known {
			return 0, false
		}
		n = s.degrees[stat]
	}
	return max(n, 1), true
}
