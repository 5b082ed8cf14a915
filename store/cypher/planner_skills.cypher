// Every skill, for the planner's explanations and profile checks.
MATCH (s:Skill)
RETURN s {.*} AS node
