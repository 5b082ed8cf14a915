// Removes the answer key of the held-out evaluation: related-occupation links between
// O*NET occupations and every move derived from them (derived moves between occupations
// and the bridges from curated roles). Importing the related table again restores them.
MATCH (:Role)-[e:RELATED_TO|PROGRESSES_TO]->(:Role)
WHERE type(e) = 'RELATED_TO' OR e.derived = true
DELETE e
