// Writes one batch of wage estimates under a release that readers do not see yet.
UNWIND $rows AS row
CREATE (w:Wage)
SET w = row, w.release = $release
