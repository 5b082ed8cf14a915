// Every skill, for the planner's explanations and profile checks, as one list: thousands
// of records cost the driver more than one list of as many maps.
MATCH (s:Skill)
RETURN collect(s {.*}) AS nodes
