package store

import (
	"embed"
	"strings"
)

// Every statement lives in a file of its own under cypher/, named like its variable
// (cypher/role_skills.cypher is roleSkillsCypher), and is declared below in the order of
// the files: to add a statement, add its file and its two lines here. A missing file
// breaks the build, and so does a misspelt variable.
var (
	//go:embed cypher/area_wages.cypher
	areaWagesCypher string
	//go:embed cypher/areas.cypher
	areasCypher string
	//go:embed cypher/attributions.cypher
	attributionsCypher string
	//go:embed cypher/bridge_moves.cypher
	bridgeMovesCypher string
	//go:embed cypher/bump_version.cypher
	bumpVersionCypher string
	//go:embed cypher/candidates.cypher
	candidatesCypher string
	//go:embed cypher/certification_prepares_for.cypher
	certificationPreparesForCypher string
	//go:embed cypher/certification_prerequisites.cypher
	certificationPrerequisitesCypher string
	//go:embed cypher/certification_roles.cypher
	certificationRolesCypher string
	//go:embed cypher/certification_skills.cypher
	certificationSkillsCypher string
	//go:embed cypher/certifications_by_ids.cypher
	certificationsByIDsCypher string
	//go:embed cypher/degrees.cypher
	degreesCypher string
	//go:embed cypher/delete_certification.cypher
	deleteCertificationCypher string
	//go:embed cypher/delete_role.cypher
	deleteRoleCypher string
	//go:embed cypher/delete_skill.cypher
	deleteSkillCypher string
	//go:embed cypher/graph_version.cypher
	graphVersionCypher string
	//go:embed cypher/import_certifications.cypher
	importCertificationsCypher string
	//go:embed cypher/import_prepares.cypher
	importPreparesCypher string
	//go:embed cypher/import_progresses.cypher
	importProgressesCypher string
	//go:embed cypher/import_requires.cypher
	importRequiresCypher string
	//go:embed cypher/import_roles.cypher
	importRolesCypher string
	//go:embed cypher/import_skills.cypher
	importSkillsCypher string
	//go:embed cypher/import_sources.cypher
	importSourcesCypher string
	//go:embed cypher/import_validates.cypher
	importValidatesCypher string
	//go:embed cypher/import_values.cypher
	importValuesCypher string
	//go:embed cypher/link_occupations.cypher
	linkOccupationsCypher string
	//go:embed cypher/list_certifications.cypher
	listCertificationsCypher string
	//go:embed cypher/list_roles.cypher
	listRolesCypher string
	//go:embed cypher/list_skills.cypher
	listSkillsCypher string
	//go:embed cypher/node_by_id.cypher
	nodeByIDCypher string
	//go:embed cypher/nodes_exist.cypher
	nodesExistCypher string
	//go:embed cypher/occupation_wages.cypher
	occupationWagesCypher string
	//go:embed cypher/oews_clear_others.cypher
	oewsClearOthersCypher string
	//go:embed cypher/oews_clear_release.cypher
	oewsClearReleaseCypher string
	//go:embed cypher/oews_publish.cypher
	oewsPublishCypher string
	//go:embed cypher/oews_release.cypher
	oewsReleaseCypher string
	//go:embed cypher/oews_stage.cypher
	oewsStageCypher string
	//go:embed cypher/onet_education.cypher
	onetEducationCypher string
	//go:embed cypher/onet_elements.cypher
	onetElementsCypher string
	//go:embed cypher/onet_job_zones.cypher
	onetJobZonesCypher string
	//go:embed cypher/onet_occupations.cypher
	onetOccupationsCypher string
	//go:embed cypher/onet_progressions.cypher
	onetProgressionsCypher string
	//go:embed cypher/onet_ratings.cypher
	onetRatingsCypher string
	//go:embed cypher/onet_related.cypher
	onetRelatedCypher string
	//go:embed cypher/onet_technology.cypher
	onetTechnologyCypher string
	//go:embed cypher/onet_titles.cypher
	onetTitlesCypher string
	//go:embed cypher/ping.cypher
	pingCypher string
	//go:embed cypher/planner_certifications.cypher
	plannerCertificationsCypher string
	//go:embed cypher/planner_nodes.cypher
	plannerNodesCypher string
	//go:embed cypher/planner_nodes_by_key.cypher
	plannerNodesByKeyCypher string
	//go:embed cypher/planner_role_ends.cypher
	plannerRoleEndsCypher string
	//go:embed cypher/planner_skills.cypher
	plannerSkillsCypher string
	//go:embed cypher/prune.cypher
	pruneCypher string
	//go:embed cypher/remove_bridges.cypher
	removeBridgesCypher string
	//go:embed cypher/remove_endorsement.cypher
	removeEndorsementCypher string
	//go:embed cypher/remove_progression.cypher
	removeProgressionCypher string
	//go:embed cypher/remove_requirement.cypher
	removeRequirementCypher string
	//go:embed cypher/replace_certification_links.cypher
	replaceCertificationLinksCypher string
	//go:embed cypher/role_certifications.cypher
	roleCertificationsCypher string
	//go:embed cypher/role_next.cypher
	roleNextCypher string
	//go:embed cypher/role_occupations.cypher
	roleOccupationsCypher string
	//go:embed cypher/role_previous.cypher
	rolePreviousCypher string
	//go:embed cypher/role_related.cypher
	roleRelatedCypher string
	//go:embed cypher/role_skills.cypher
	roleSkillsCypher string
	//go:embed cypher/role_technologies.cypher
	roleTechnologiesCypher string
	//go:embed cypher/roles_by_ids.cypher
	rolesByIDsCypher string
	//go:embed cypher/schema.cypher
	schemaCypher string
	//go:embed cypher/search.cypher
	searchCypher string
	//go:embed cypher/set_endorsement.cypher
	setEndorsementCypher string
	//go:embed cypher/set_progression.cypher
	setProgressionCypher string
	//go:embed cypher/set_requirement.cypher
	setRequirementCypher string
	//go:embed cypher/skill_certifications.cypher
	skillCertificationsCypher string
	//go:embed cypher/skill_roles.cypher
	skillRolesCypher string
	//go:embed cypher/skills_by_ids.cypher
	skillsByIDsCypher string
	//go:embed cypher/snapshot.cypher
	snapshotCypher string
	//go:embed cypher/sources_by_ids.cypher
	sourcesByIDsCypher string
	//go:embed cypher/upsert_certification.cypher
	upsertCertificationCypher string
	//go:embed cypher/upsert_role.cypher
	upsertRoleCypher string
	//go:embed cypher/upsert_skill.cypher
	upsertSkillCypher string
	//go:embed cypher/wipe.cypher
	wipeCypher string
	//go:embed cypher/wipe_edges.cypher
	wipeEdgesCypher string
	//go:embed cypher/withhold_related.cypher
	withholdRelatedCypher string
)

// statements splits a file of several statements separated by semicolons, dropping
// comment lines.
func statements(file string) []string {
	var out []string
	for _, part := range strings.Split(file, ";") {
		var lines []string
		for _, l := range strings.Split(part, "\n") {
			if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "//") {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
		}
	}
	return out
}

//go:embed cypher/*.cypher
var cypherFiles embed.FS

// statementNames names each statement, and each part of a file of several, by its file:
// the label statement metrics carry.
var statementNames = nameStatements()

func nameStatements() map[string]string {
	out := map[string]string{}
	entries, _ := cypherFiles.ReadDir("cypher")
	for _, e := range entries {
		text, _ := cypherFiles.ReadFile("cypher/" + e.Name())
		name := strings.TrimSuffix(e.Name(), ".cypher")
		out[string(text)] = name
		for _, part := range statements(string(text)) {
			out[part] = name
		}
	}
	return out
}

// statementName is the name of the file cypher comes from, or "other".
func statementName(cypher string) string {
	if name, ok := statementNames[cypher]; ok {
		return name
	}
	return "other"
}
