// Drops the moves bridging curated roles and O*NET occupations, before they are derived
// again from the current classification and occupation moves.
MATCH (:Role)-[e:PROGRESSES_TO {bridge: true}]->(:Role)
DELETE e

RETURN count(*) AS rows
