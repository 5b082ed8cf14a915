// Every skill's name, for the planner's explanations and profile checks.
MATCH (s:Skill)
RETURN s.id AS id, s.name AS name
